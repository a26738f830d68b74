/**
 * Reward functions for trading environments, as plug-ins ({@code reward: pnl}, …): net P&amp;L over
 * capital, P&amp;L with a drawdown penalty, the differential Sharpe ratio and return with a
 * volatility penalty. Each exposes the parts it is made of for the step's info.
 */
package io.github.rltrading.env.rewards;
