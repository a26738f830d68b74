/** Proximal policy optimisation (PPO), after Stable-Baselines3's implementation and defaults. */
package io.github.rltrading.agents.ppo;
