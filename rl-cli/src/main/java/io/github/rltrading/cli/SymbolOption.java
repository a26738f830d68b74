package io.github.rltrading.cli;

import picocli.CommandLine.Option;

/** {@code --symbol}: the instrument traded, a picocli mixin. */
final class SymbolOption {

    @Option(names = "--symbol", paramLabel = "SYMBOL", defaultValue = "ES",
            description = "The instrument: a built-in futures contract (ES, MES, NQ, MNQ, RTY, M2K, YM, MYM) or a stock/ETF "
                    + "symbol (tick 0.01). Default: ${DEFAULT-VALUE}.")
    String symbol = "ES";
}
