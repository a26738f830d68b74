/** Deep Q-learning (DQN with a target network, optionally double DQN's target) for discrete actions. */
package io.github.rltrading.agents.dqn;
