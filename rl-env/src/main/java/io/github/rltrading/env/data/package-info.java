/** Loaders for NinjaTrader 8 exports and CSV files; see {@code docs/data-formats.md}. */
package io.github.rltrading.env.data;
