/** Neural network building blocks for the agents, on DJL. */
package io.github.rltrading.agents.nn;
