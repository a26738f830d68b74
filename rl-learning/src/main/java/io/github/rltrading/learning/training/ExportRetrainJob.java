package io.github.rltrading.learning.training;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.env.data.LoadOptions;
import io.github.rltrading.env.data.MarketData;
import io.github.rltrading.learning.watch.RetrainJob;
import io.github.rltrading.learning.watch.RetrainOutcome;
import io.github.rltrading.learning.watch.RetrainRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The continuous-training job: loads the export files a {@link RetrainRequest} names (NinjaTrader
 * or CSV, format detected), merges their bars in time order (a bar time found in two files keeps
 * the later file's bar), and retrains through {@link ContinuousLearner#retrainOn}, which warm-starts
 * from the production model and promotes only by the rule. A request without files (drift
 * detection, a request by hand) retrains on the learner's own market data
 * ({@link ContinuousLearner#retrainNow}).
 */
public final class ExportRetrainJob implements RetrainJob {

    private final ContinuousLearner learner;
    private final Instrument instrument;
    private final LoadOptions options;

    /** Retrains {@code learner}'s instrument on exports loaded with {@code options} (zone, instrument, leniency). */
    public ExportRetrainJob(ContinuousLearner learner, Instrument instrument, LoadOptions options) {
        this.learner = Objects.requireNonNull(learner, "learner");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public RetrainOutcome run(RetrainRequest request) {
        LearningRun run = request.files().isEmpty() ? learner.retrainNow(request.reason())
                : learner.retrainOn(load(request.files()), request.files().size() + " new export file(s)");
        String summary = run.outcome() + ": " + run.reason() + (run.challenger().isEmpty() ? "" : " (challenger " + run.challenger() + ")");
        return run.outcome() == LearningRun.Outcome.FAILED ? RetrainOutcome.failed(summary) : RetrainOutcome.succeeded(summary);
    }

    /** The files' bars, merged in time order. */
    MarketDataSet load(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a retrain request for " + instrument.symbol() + " names no export files");
        }
        TreeMap<Long, double[]> bars = new TreeMap<>();
        BarSeries first = null;
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            BarSeries s = MarketData.load(file, options).series();
            first = first == null ? s : first;
            names.add(file.getFileName().toString());
            for (int i = 0; i < s.size(); i++) {
                bars.put(s.endMillis(i), new double[] {s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i)});
            }
        }
        BarSeries merged = new BarSeries(first.symbol(), first.timeframe(), bars.size());
        bars.forEach((t, b) -> merged.append(t, b[0], b[1], b[2], b[3], b[4]));
        return new MarketDataSet(merged, instrument, String.join("+", names));
    }
}
