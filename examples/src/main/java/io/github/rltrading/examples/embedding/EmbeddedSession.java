package io.github.rltrading.examples.embedding;

import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.SessionHook;
import io.github.rltrading.core.SessionResult;
import io.github.rltrading.core.TradingSession;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.journal.Journal;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.metrics.PerformanceMetrics;
import io.github.rltrading.core.spi.FeatureSet;
import io.github.rltrading.core.spi.RiskGate;
import io.github.rltrading.env.bars.MarketHours;
import io.github.rltrading.env.sim.ReplayFeed;
import io.github.rltrading.env.synthetic.SyntheticMarket;
import io.github.rltrading.risk.RiskGates;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a host application embeds the SDK: every part is chosen by name from the plug-ins on the
 * class path (features {@code market}, policy {@code ema-cross}, broker {@code sim}), the default
 * risk chain gets one more gate written by the host (no new positions in the last 15 minutes of the
 * US session), a hook reports progress to the host, and the session runs on a replay of a seeded
 * synthetic ES market. Swap the broker name for {@code nt8} and the feed for the NinjaTrader feed,
 * and the same code trades live.
 *
 * <pre>
 * bin/mvn -q -pl examples exec:java -Dexec.mainClass=io.github.rltrading.examples.embedding.EmbeddedSession
 * </pre>
 */
public final class EmbeddedSession {

    private EmbeddedSession() {}

    /**
     * The host's own gate: refuses new risk in the last 15 minutes before 16:00 New York, when the
     * host's desk wants no fresh positions; exits always pass.
     */
    static final class NoLateEntries implements RiskGate {
        private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
        private final RiskVerdict approve = RiskVerdict.approve(name());

        @Override
        public String name() {
            return "host-no-late-entries";
        }

        @Override
        public RiskVerdict evaluate(TradeProposal proposal, RiskContext context) {
            LocalTime t = context.time().atZone(NEW_YORK).toLocalTime();
            boolean late = !t.isBefore(LocalTime.of(15, 45)) && t.isBefore(LocalTime.of(16, 0));
            if (!late || !proposal.increasesRisk()) {
                return approve;
            }
            return RiskVerdict.reject(name(), "no new positions between 15:45 and 16:00 New York (desk rule); it is " + t,
                    Map.of());
        }
    }

    /** Runs the example: {@code sessions} synthetic Globex sessions, journal in {@code journalDir}. */
    public static SessionResult run(int sessions, Path journalDir, PrintStream out) {
        Instrument es = ContractSpecs.ES;
        BarSeries bars = SyntheticMarket.builder().seed(7).instrument(es).hours(MarketHours.CME_GLOBEX)
                .firstDate(LocalDate.of(2024, 1, 2)).sessions(sessions).build().generate().series();
        Plugins plugins = Plugins.load();
        Config choices = Config.of(Map.of("features", "market", "policy", "ema-cross",
                "broker", Map.of("name", "sim", "slippage-ticks", 1)));
        FeatureSet features = plugins.features(choices);
        List<RiskGate> gates = new ArrayList<>(RiskGates.defaultGates(Config.of(Map.of(
                "max-position", Map.of("limit", 2),
                // Futures: two ES contracts are about 4x a 100,000 account; the default limit is 1x equity.
                "max-leverage", Map.of("max-leverage", 5),
                "stop-target", Map.of("stop-ticks", 16, "target-ticks", 32)))));
        gates.add(new NoLateEntries());
        SessionHook progress = new SessionHook() {
            @Override
            public void afterPoll(TradingSession s) {
                if (s.history().size() % 10_000 == 0 && s.history().size() > 0) {
                    out.printf(Locale.ROOT, "host: %,d bars, equity %,.2f%n", s.history().size(), s.portfolio().equity());
                }
            }
        };
        try (TradingSession session = TradingSession.builder()
                .sessionId("embedded")
                .instrument(es)
                .feed(ReplayFeed.of(bars, es))
                .features(features)
                .policy(plugins.policy(choices))
                .riskGates(gates)
                .broker(plugins.broker(choices))
                .startingCash(100_000).maxPosition(2)
                .journal(Journal.jsonLines(journalDir).open())
                .hook(progress)
                .pollTimeout(Duration.ofMillis(1))
                .closeComponents(true)
                .build()) {
            SessionResult result = session.run();
            var m = result.metrics(PerformanceMetrics.periodsPerYear(Duration.ofMinutes(1), 23, 252));
            out.printf(Locale.ROOT, "host: %,d bars, %d trades, final equity %,.2f, Sharpe %.2f, max drawdown %.1f%%%n",
                    session.history().size(), result.trades().size(), result.finalEquity(), m.sharpe(), 100 * m.maxDrawdown().value());
            return result;
        }
    }

    public static void main(String[] args) {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 20, Path.of("runs", "embedded", "journal"), System.out);
    }
}
