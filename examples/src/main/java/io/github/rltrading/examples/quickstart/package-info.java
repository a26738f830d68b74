/**
 * The quickstart: the whole system in one command on a fresh clone (train, backtest honestly,
 * paper-trade), described step by step in {@link io.github.rltrading.examples.quickstart.QuickstartApp}.
 */
package io.github.rltrading.examples.quickstart;
