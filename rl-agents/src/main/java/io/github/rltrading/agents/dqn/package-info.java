/** Double deep Q-learning (DQN with a target network) for discrete actions. */
package io.github.rltrading.agents.dqn;
