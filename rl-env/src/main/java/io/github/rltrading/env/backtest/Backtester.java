package io.github.rltrading.env.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.core.SessionResult;
import io.github.rltrading.core.TradingSession;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.journal.Journal;
import io.github.rltrading.core.journal.JournalDetail;
import io.github.rltrading.core.journal.SyncPolicy;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.metrics.PerformanceMetrics;
import io.github.rltrading.core.metrics.PerformanceReport;
import io.github.rltrading.core.spi.FeatureSet;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.trading.ClosedTrade;
import io.github.rltrading.core.trading.Fill;
import io.github.rltrading.core.util.DecimalText;
import io.github.rltrading.core.util.IsoTime;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.MarketFeatures;
import io.github.rltrading.env.sim.ExecutionModel;
import io.github.rltrading.env.sim.ReplayFeed;
import io.github.rltrading.env.sim.SimBroker;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a policy, and the baselines next to it, through the same {@link TradingSession} that trades
 * live, fed by a {@link ReplayFeed} and filled by a {@link SimBroker}, and writes a run folder:
 *
 * <ul>
 *   <li>{@code manifest.json}: settings, seed, a SHA-256 of the bars, versions;</li>
 *   <li>{@code metrics.json}: every policy's performance report;</li>
 *   <li>{@code equity.csv}: equity of every policy at every bar;</li>
 *   <li>{@code trades.csv}: every round trip of every policy;</li>
 *   <li>{@code journal/}: the main policy's session journal, at {@link JournalDetail#CHANGES} by
 *       default;</li>
 *   <li>{@code report.html}: one self-contained page (inline SVG, no script, opens offline) with the
 *       equity and drawdown curves, the price with the main policy's fills (each with the
 *       decision's rationale on hover) and the metrics side by side.</li>
 * </ul>
 * The same bars, settings and seed give byte-identical {@code metrics.json}, {@code trades.csv} and
 * journal: the session runs on the replay's clock, so journal times are market times.
 *
 * <pre>{@code
 * BacktestResult r = Backtester.builder(bars, ContractSpecs.ES)
 *         .policy("my-agent", features -> myPolicy)
 *         .outputDir(Path.of("runs/bt-1"))
 *         .build().run();
 * }</pre>
 */
public final class Backtester {

    private static final Logger LOG = LoggerFactory.getLogger(Backtester.class);

    private final Builder b;

    private Backtester(Builder b) {
        this.b = b;
    }

    public static Builder builder(BarSeries bars, Instrument instrument) {
        return new Builder(bars, instrument);
    }

    /** One decision of a policy: when, the target it asked for, and why. */
    public record DecisionPoint(long timeMillis, double target, String rationale) {}

    /**
     * One policy's run.
     *
     * @param wipedOutAtBar the first bar where equity was at or below zero (the account would have been
     *                      liquidated; metrics cover the bars before it), or -1
     */
    public record PolicyRun(String name, SessionResult session, PerformanceReport metrics, List<Fill> fills,
            List<DecisionPoint> decisions, int wipedOutAtBar) {}

    /** All runs, main policy first, and the folder they were written to (null when none was set). */
    public record BacktestResult(Map<String, PolicyRun> runs, Path directory) {

        public PolicyRun run(String name) {
            PolicyRun r = runs.get(name);
            if (r == null) {
                throw new IllegalArgumentException("no run named '" + name + "'; runs: " + runs.keySet());
            }
            return r;
        }
    }

    /** Runs every policy and writes the run folder. */
    public BacktestResult run() {
        Map<String, PolicySpec> policies = policies();
        if (policies.isEmpty()) {
            throw new IllegalStateException("nothing to backtest: set a policy or keep the baselines on");
        }
        try {
            java.util.concurrent.CompletableFuture<String> hash = null;
            if (b.outputDir != null) {
                Files.createDirectories(b.outputDir);
                // The data's SHA-256 for the manifest, on another core while the policies run.
                hash = java.util.concurrent.CompletableFuture.supplyAsync(() -> dataHash(b.bars), BACKGROUND);
            }
            Map<String, PolicyRun> runs = new LinkedHashMap<>();
            boolean first = true;
            for (Map.Entry<String, PolicySpec> p : policies.entrySet()) {
                long t0 = System.nanoTime();
                PolicyRun run = runOne(p.getKey(), p.getValue(), first && b.journal && b.outputDir != null);
                LOG.info("backtest {}: {} bars in {} ms, final equity {}", p.getKey(), b.bars.size(),
                        (System.nanoTime() - t0) / 1_000_000, String.format(Locale.ROOT, "%.2f", run.session().finalEquity()));
                runs.put(p.getKey(), run);
                first = false;
            }
            if (b.outputDir != null) {
                write(runs, policies, hash);
            }
            return new BacktestResult(java.util.Collections.unmodifiableMap(runs), b.outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException("backtest could not write to " + b.outputDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * A policy to run: how to make it from feature names, and the feature columns it reads (null:
     * all of them), so that only those are computed.
     */
    private record PolicySpec(List<String> columns, Function<List<String>, Policy> factory) {}

    /** The main policy, then the baselines not already named; the baselines declare the columns they read. */
    private Map<String, PolicySpec> policies() {
        Map<String, PolicySpec> policies = new LinkedHashMap<>();
        if (b.policyName != null) {
            policies.put(b.policyName, new PolicySpec(b.policyColumns, b.policy));
        }
        if (b.baselines) {
            policies.putIfAbsent("buy-and-hold", new PolicySpec(List.of(), names -> Baselines.buyAndHold()));
            policies.putIfAbsent("flat", new PolicySpec(List.of(), names -> Baselines.flat()));
            policies.putIfAbsent("ema-cross", new PolicySpec(Baselines.EMA_CROSS_COLUMNS, Baselines::emaCross));
        }
        return policies;
    }

    private PolicyRun runOne(String name, PolicySpec spec, boolean journal) {
        FeatureSet features = b.features.get();
        if (spec.columns() != null) {
            try {
                features = features.select(spec.columns());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("policy '" + name + "' reads the feature columns " + spec.columns()
                        + ", which the backtest's feature set cannot give: " + e.getMessage(), e);
            }
        }
        Policy inner = spec.factory().apply(features.names());
        List<DecisionPoint> decisions = new ArrayList<>();
        Policy recording = observation -> {
            Decision d = inner.decide(observation);
            decisions.add(new DecisionPoint(observation.time().toEpochMilli(), d.targetPosition(), d.rationale()));
            return d;
        };
        SimBroker broker = new SimBroker(b.model);
        Journal j = journal
                ? Journal.jsonLines(b.outputDir.resolve("journal")).syncPolicy(SyncPolicy.buffered()).replaceExisting(true).rotateDaily(b.journalPerDay)
                        .open()
                : Journal.noop();
        ReplayFeed feed = ReplayFeed.of(b.bars, b.instrument);
        try (TradingSession session = TradingSession.builder().sessionId(name).instrument(b.instrument)
                .feed(feed).clock(feed.clock()).features(features).policy(recording).broker(broker)
                .startingCash(b.startingCash).maxPosition(b.maxPosition).journal(j).journalDetail(b.journalDetail)
                .riskGates(b.riskGates.get()).build()) {
            SessionResult result = session.run();
            int wipedOut = -1;
            for (int i = 0; i < result.equity().length && wipedOut < 0; i++) {
                if (!(result.equity()[i] > 0)) {
                    wipedOut = i;
                }
            }
            SessionResult measured = wipedOut < 0 ? result : truncate(result, wipedOut);
            if (wipedOut >= 0) {
                LOG.warn("backtest {}: equity reached {} at bar {} ({}); metrics cover the bars before it", name,
                        result.equity()[wipedOut], wipedOut, Instant.ofEpochMilli(result.timesMillis()[wipedOut]));
            }
            return new PolicyRun(name, result, measured.metrics(b.periodsPerYear), broker.fills(), List.copyOf(decisions),
                    wipedOut);
        } finally {
            j.close();
        }
    }

    /** The first {@code n} bars of a result (trades closed by then). */
    private static SessionResult truncate(SessionResult r, int n) {
        long until = n == 0 ? Long.MIN_VALUE : r.timesMillis()[n - 1];
        return new SessionResult(r.sessionId(), r.symbol(), r.startingCash(), java.util.Arrays.copyOf(r.timesMillis(), n),
                java.util.Arrays.copyOf(r.equity(), n), java.util.Arrays.copyOf(r.positions(), n),
                java.util.Arrays.copyOf(r.tradedNotionalPerBar(), n),
                r.trades().stream().filter(t -> t.exitTime().toEpochMilli() <= until).toList(), r.decisions(), r.errors());
    }

    /**
     * Writes the run folder. The two CSV files are written on another thread while this one writes
     * the metrics and the report (each file has one writer; the folder is complete when this returns).
     */
    private void write(Map<String, PolicyRun> runs, Map<String, PolicySpec> policies,
            java.util.concurrent.CompletableFuture<String> dataHash)
            throws IOException {
        Path dir = b.outputDir;
        java.util.concurrent.CompletableFuture<Void> csv = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                writeEquity(dir.resolve("equity.csv"), runs);
                writeTrades(dir.resolve("trades.csv"), runs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, BACKGROUND);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(dir.resolve("metrics.json"), json.writeValueAsString(metrics(json, runs)) + "\n");
        Files.writeString(dir.resolve("report.html"), new HtmlReport(b.bars, b.instrument, b.dataLabel, runs).render());
        Files.writeString(dir.resolve("manifest.json"), json.writeValueAsString(manifest(json, runs, policies, dataHash.join())) + "\n");
        try {
            csv.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    /** {@code equity.csv}: the time, then every policy's equity at that bar. */
    private static void writeEquity(Path file, Map<String, PolicyRun> runs) throws IOException {
        try (OutputStream w = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            StringBuilder header = new StringBuilder("time");
            for (String name : runs.keySet()) {
                header.append(',').append(name);
            }
            w.write(header.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            long[] timesMillis = runs.values().iterator().next().session().timesMillis();
            double[][] curves = runs.values().stream().map(r -> r.session().equity()).toArray(double[][]::new);
            // Lines go into one buffer written out as ASCII every 64 KiB: times and numbers are ASCII.
            StringBuilder line = new StringBuilder(1 << 17);
            IsoTime.Appender times = new IsoTime.Appender();
            for (int i = 0; i < timesMillis.length; i++) {
                if (line.length() >= 1 << 16) {
                    w.write(line.toString().getBytes(StandardCharsets.US_ASCII));
                    line.setLength(0);
                }
                times.appendMillis(line, timesMillis[i]);
                for (double[] curve : curves) {
                    line.append(',');
                    double v = curve[i];
                    if (Double.isFinite(v)) {
                        DecimalText.append(line, v); // money in cents: digit by digit, reads back exactly
                    }
                }
                line.append('\n');
            }
            w.write(line.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** {@code trades.csv}: every round trip of every policy. */
    private static void writeTrades(Path file, Map<String, PolicyRun> runs) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("policy,symbol,side,quantity,entry_time,entry_price,exit_time,exit_price,gross_pnl,commission,net_pnl\n");
            StringBuilder line = new StringBuilder(256);
            IsoTime.Appender times = new IsoTime.Appender();
            for (PolicyRun r : runs.values()) {
                for (ClosedTrade t : r.session().trades()) {
                    line.setLength(0);
                    line.append(r.name()).append(',').append(t.symbol()).append(',').append(t.side()).append(',');
                    number(line, t.maxQuantity()).append(',');
                    times.appendMillis(line, t.entryTime().toEpochMilli());
                    number(line.append(','), t.entryPrice()).append(',');
                    times.appendMillis(line, t.exitTime().toEpochMilli());
                    number(line.append(','), t.exitPrice()).append(',');
                    number(line, t.grossPnl()).append(',');
                    number(line, t.commission()).append(',');
                    number(line, t.netPnl()).append('\n');
                    w.append(line);
                }
            }
        }
    }

    /**
     * A daemon thread per task for the work a run with an output folder does beside the simulation:
     * the data hash while the policies run, the CSV files while the report is written.
     */
    private static final java.util.concurrent.Executor BACKGROUND = task -> Thread.ofPlatform().daemon().name("backtest-background")
            .start(task);

    /** Text that reads back to the same double ({@link DecimalText}); NaN and infinities as empty. */
    static StringBuilder number(StringBuilder out, double v) {
        return Double.isFinite(v) ? DecimalText.append(out, v) : out;
    }

    private ObjectNode manifest(ObjectMapper json, Map<String, PolicyRun> runs, Map<String, PolicySpec> policies,
            String dataHash) {
        ObjectNode m = json.createObjectNode();
        m.put("kind", "backtest");
        String version = Backtester.class.getPackage().getImplementationVersion();
        m.put("sdkVersion", version == null ? "development build" : version);
        m.put("java", System.getProperty("java.version"));
        m.put("seed", b.seed);
        ObjectNode data = m.putObject("data");
        data.put("label", b.dataLabel);
        data.put("symbol", b.bars.symbol());
        data.put("timeframe", b.bars.timeframe().toString());
        data.put("bars", b.bars.size());
        if (b.bars.size() > 0) {
            data.put("firstBarEnd", b.bars.endTime(0).toString());
            data.put("lastBarEnd", b.bars.endTime(b.bars.size() - 1).toString());
        }
        data.put("sha256", dataHash);
        ObjectNode inst = m.putObject("instrument");
        inst.put("symbol", b.instrument.symbol());
        inst.put("tickSize", b.instrument.tickSize());
        inst.put("pointValue", b.instrument.pointValue());
        inst.put("commission", b.instrument.commission().toString());
        ObjectNode exec = m.putObject("execution");
        exec.put("model", b.model.toString());
        exec.put("fills", "market orders at the next bar's open; limits need a trade-through; brackets assume the worse leg first");
        m.put("startingCash", b.startingCash);
        m.put("maxPosition", b.maxPosition);
        m.put("periodsPerYear", b.periodsPerYear);
        m.put("journalDetail", b.journal ? b.journalDetail.name().toLowerCase(java.util.Locale.ROOT) : "off");
        FeatureSet fs = b.features.get();
        ObjectNode features = m.putObject("features");
        features.put("count", fs.size());
        features.put("warmUpBars", fs.warmUpBars());
        if (fs instanceof MarketFeatures mf) {
            features.put("id", mf.id());
            features.put("hash", mf.hash());
        }
        ArrayNode names = m.putArray("policies");
        runs.keySet().forEach(names::add);
        // Which columns each policy was given, where it declared them (the others saw every column).
        ObjectNode read = m.putObject("featureColumns");
        policies.forEach((policy, spec) -> {
            if (runs.containsKey(policy) && spec.columns() != null) {
                spec.columns().forEach(read.putArray(policy)::add);
            }
        });
        return m;
    }

    private static ObjectNode metrics(ObjectMapper json, Map<String, PolicyRun> runs) {
        ObjectNode all = json.createObjectNode();
        for (PolicyRun r : runs.values()) {
            PerformanceReport p = r.metrics();
            ObjectNode n = all.putObject(r.name());
            put(n, "finalEquity", r.session().finalEquity());
            put(n, "totalReturn", p.totalReturn());
            put(n, "annualReturn", p.annualReturn());
            put(n, "annualVolatility", p.annualVolatility());
            put(n, "sharpe", p.sharpe());
            put(n, "sortino", p.sortino());
            put(n, "maxDrawdown", p.maxDrawdown().value());
            n.put("maxDrawdownDurationBars", p.maxDrawdown().durationPeriods());
            put(n, "calmar", p.calmar());
            put(n, "winRate", p.winRate());
            put(n, "profitFactor", p.profitFactor());
            put(n, "expectancy", p.expectancy());
            put(n, "averageWin", p.averageWin());
            put(n, "averageLoss", p.averageLoss());
            put(n, "exposure", p.exposure());
            put(n, "turnover", p.turnover());
            n.put("trades", p.numberOfTrades());
            n.put("fills", r.fills().size());
            n.put("bars", p.numberOfPeriods());
            n.put("decisions", r.session().decisions());
            n.put("errors", r.session().errors());
            n.put("wipedOutAtBar", r.wipedOutAtBar());
        }
        return all;
    }

    /** JSON has no NaN or infinity: undefined metrics are written as null. */
    private static void put(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }

    /** SHA-256 over the bars' times and prices, so a manifest names exactly the data it ran on. */
    static String dataHash(BarSeries bars) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            // 48 bytes a bar, digested 1,024 bars at a time: the same byte stream as bar by bar, fewer calls.
            ByteBuffer buf = ByteBuffer.allocate(48 * 1024);
            for (int i = 0; i < bars.size(); i++) {
                if (buf.remaining() < 48) {
                    d.update(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putLong(bars.endMillis(i)).putDouble(bars.open(i)).putDouble(bars.high(i)).putDouble(bars.low(i))
                        .putDouble(bars.close(i)).putDouble(bars.volume(i));
            }
            d.update(buf.array(), 0, buf.position());
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Builder for {@link Backtester}. */
    public static final class Builder {
        private final BarSeries bars;
        private final Instrument instrument;
        private Supplier<FeatureSet> features = () -> new MarketFeatures(FeatureConfig.DEFAULT);
        private String policyName;
        private Function<List<String>, Policy> policy;
        private List<String> policyColumns;
        private boolean baselines = true;
        private ExecutionModel model = ExecutionModel.DEFAULT;
        private double startingCash = 100_000;
        private double maxPosition = 1;
        private double periodsPerYear;
        private long seed;
        private Path outputDir;
        private boolean journal = true;
        private JournalDetail journalDetail = JournalDetail.CHANGES;
        private boolean journalPerDay;
        private Supplier<List<io.github.rltrading.core.spi.RiskGate>> riskGates = List::of;
        private String dataLabel;

        private Builder(BarSeries bars, Instrument instrument) {
            this.bars = Objects.requireNonNull(bars, "bars");
            this.instrument = Objects.requireNonNull(instrument, "instrument");
            this.periodsPerYear = PerformanceMetrics.periodsPerYear(bars.timeframe().length(), 6.5, 252);
            this.dataLabel = bars.symbol();
        }

        /** A fresh feature set for each run (feature sets keep state); the {@code market} set by default. */
        public Builder features(Supplier<FeatureSet> value) {
            this.features = Objects.requireNonNull(value, "features");
            return this;
        }

        /** The policy under test, made from the feature names; runs first and owns the journal. */
        public Builder policy(String name, Function<List<String>, Policy> factory) {
            this.policyName = Objects.requireNonNull(name, "name");
            this.policy = Objects.requireNonNull(factory, "factory");
            this.policyColumns = null;
            return this;
        }

        /**
         * The policy under test, reading only {@code featureColumns} of the feature set: only those
         * are computed ({@link FeatureSet#select}), and the factory is given just those names, in
         * that order. For rules policies that read a few columns; a model trained on the whole set
         * uses {@link #policy(String, Function)}.
         *
         * @throws IllegalArgumentException from {@link #build}'s run when a column is not in the set
         */
        public Builder policy(String name, List<String> featureColumns, Function<List<String>, Policy> factory) {
            policy(name, factory);
            this.policyColumns = List.copyOf(featureColumns);
            return this;
        }

        /** Whether to run buy-and-hold, flat and the EMA cross too (true by default). */
        public Builder baselines(boolean value) {
            this.baselines = value;
            return this;
        }

        public Builder executionModel(ExecutionModel value) {
            this.model = Objects.requireNonNull(value, "executionModel");
            return this;
        }

        public Builder startingCash(double value) {
            this.startingCash = value;
            return this;
        }

        /** Contracts or shares a target of 1.0 means (1 by default). */
        public Builder maxPosition(double value) {
            this.maxPosition = value;
            return this;
        }

        /** Bars per year for annualising (default: the bars' timeframe over 6.5 hours × 252 days). */
        public Builder periodsPerYear(double value) {
            if (!(value > 0)) {
                throw new IllegalArgumentException("periodsPerYear must be > 0, got " + value);
            }
            this.periodsPerYear = value;
            return this;
        }

        /** Recorded in the manifest; pass it to your policy's factory if it is stochastic. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** The run folder; nothing is written when unset. */
        public Builder outputDir(Path value) {
            this.outputDir = value;
            return this;
        }

        /**
         * The risk gates every policy run trades behind (the baselines too, so the comparison is fair).
         * A supplier, because gates keep per-session state: each run gets fresh gates, e.g.
         * {@code () -> RiskGates.defaultGates(config)} from rl-risk.
         */
        public Builder riskGates(Supplier<List<io.github.rltrading.core.spi.RiskGate>> value) {
            this.riskGates = java.util.Objects.requireNonNull(value, "riskGates");
            return this;
        }

        /** Whether the main policy's session journal is written to {@code journal/} (true by default). */
        public Builder journal(boolean value) {
            this.journal = value;
            return this;
        }

        /**
         * How much the journal keeps of the per-bar flow: {@link JournalDetail#CHANGES} by default
         * (orders, fills, verdicts and every decision that asks for a change; the rest can be rebuilt
         * by re-running the deterministic backtest), {@link JournalDetail#ALL} for every bar and
         * decision (about 600 bytes a bar, several times slower).
         */
        public Builder journalDetail(JournalDetail value) {
            this.journalDetail = Objects.requireNonNull(value, "journalDetail");
            return this;
        }

        /**
         * Whether the journal starts a new file at each UTC day of market time, as a live session's
         * does (false by default: a backtest's journal is one file, split only at the journal's size
         * limit; a replay of a year would otherwise create hundreds of small files, and creating them
         * cost a backtest of 100,000 bars about 15 ms, 15 % of its time).
         */
        public Builder journalPerDay(boolean value) {
            this.journalPerDay = value;
            return this;
        }

        /** What the data is, for the manifest and the report (the series' symbol by default). */
        public Builder dataLabel(String value) {
            this.dataLabel = Objects.requireNonNull(value, "dataLabel");
            return this;
        }

        public Backtester build() {
            return new Backtester(this);
        }
    }
}
