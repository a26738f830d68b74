/**
 * Orders and accounting: {@link io.github.rltrading.core.trading.OrderRequest} (what to do),
 * {@link io.github.rltrading.core.trading.Order} (an immutable snapshot moving through a state
 * machine), {@link io.github.rltrading.core.trading.Fill}, {@link io.github.rltrading.core.trading.Position}
 * and {@link io.github.rltrading.core.trading.Portfolio} (cash, realised and unrealised P&amp;L,
 * commissions, exposure and margin, with the identity
 * {@code equity = starting cash + realised + unrealised - commissions} always holding).
 */
package io.github.rltrading.core.trading;
