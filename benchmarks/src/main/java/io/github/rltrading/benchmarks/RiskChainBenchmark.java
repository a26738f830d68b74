package io.github.rltrading.benchmarks;

import io.github.rltrading.core.RiskChain;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.trading.PortfolioSnapshot;
import io.github.rltrading.risk.RiskGates;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The default risk chain (position, leverage, stop/target, daily loss, drawdown, confidence, order
 * rate) on an ES entry it approves, including the stop and target pricing of the entry (target:
 * at most 2 µs per decision on one core, 0 B/op with {@code -prof gc}). The proposal and context
 * are built once: the session builds them, not the chain. {@code onBarAndEvaluate} adds the per-bar
 * hook (trading-day bookkeeping of the daily-loss breaker, drawdown peak) that a session runs on
 * every bar.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class RiskChainBenchmark {

    private RiskChain chain;
    private RiskChain.Evaluation scratch;
    private TradeProposal proposal;
    private RiskContext context;

    @Setup
    public void build() {
        chain = RiskGates.defaultChain(Config.of(Map.of(
                "max-position", Map.of("limit", 2),
                "max-leverage", Map.of("max-leverage", 4.0),
                "stop-target", Map.of("stop-ticks", 8, "target-ticks", 16),
                "daily-loss", Map.of("limit", 2000, "flatten", true),
                "max-drawdown", Map.of("limit", 0.1),
                "min-confidence", Map.of("min", 0.6),
                "order-rate", Map.of("max-orders", 6, "window", "1m"))));
        scratch = chain.newEvaluation();
        BarSeries history = BenchData.minutes(1_000, 3);
        Instant now = history.endTime(history.size() - 1);
        double price = history.close(history.size() - 1);
        proposal = new TradeProposal(ContractSpecs.ES, now, 0, 1, price,
                new Decision(Action.continuous(1f), 1.0, 0.9, "bench", "bench"));
        context = new RiskContext(now, new PortfolioSnapshot(now, "USD", 100_000, 100_000, 100_000, 0, 0, 0, 0, 0, 0,
                100_000, Map.of()), history);
    }

    @Benchmark
    public double evaluateApprove() {
        chain.evaluate(proposal, context, scratch);
        if (!scratch.approved()) {
            throw new IllegalStateException("the benchmark proposal must be approved: " + scratch.toResult());
        }
        return scratch.finalTarget() + scratch.stopPrice();
    }

    @Benchmark
    public double onBarAndEvaluate() {
        Object demand = chain.onBar(context, 0);
        chain.evaluate(proposal, context, scratch);
        return scratch.finalTarget() + (demand == null ? 0 : 1);
    }
}
