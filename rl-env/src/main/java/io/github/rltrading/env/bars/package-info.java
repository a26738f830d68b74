/** Trading hours, bar aggregation across timeframes and look-ahead-safe multi-timeframe alignment. */
package io.github.rltrading.env.bars;
