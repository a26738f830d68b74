package io.github.rltrading.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.FeatureMatrix;
import io.github.rltrading.env.features.MarketFeatures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rl predict}: for hosts that call the SDK as a process. Reads one JSON market snapshot from
 * standard input, computes the market features over its bars, builds each model's observation for
 * the last bar exactly as the training environment does, and writes one JSON decision to standard
 * output: each model's target position, action and confidence, and the ensemble's recommendation.
 * Errors go to standard error with exit code 2, and nothing is written to standard output.
 *
 * <p>The ensemble: the target is the confidence-weighted mean of the models' targets; the
 * recommendation is {@code long} above the dead band, {@code short} below minus the dead band,
 * {@code flat} inside it; its confidence is the confidence-weighted share of models whose own
 * target (with the same dead band) points the same way as the recommendation.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read one JSON market snapshot from standard input and write one JSON decision to standard output: each "
                + "model's target position, action and confidence, and the ensemble's recommendation (long, short or flat) and "
                + "confidence.",
                "Input: {\"instrument\":\"ES\",\"bars\":[{\"time\":\"2026-11-30T14:31:00Z\",\"open\":..,\"high\":..,\"low\":..,"
                        + "\"close\":..,\"volume\":..},...],\"position\":0}. Formats in docs/cli.md."})
final class PredictCommand extends CliCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--model", paramLabel = "DIR", required = true,
            description = "A saved model (PPO, SAC or DQN); repeat for an ensemble.")
    List<Path> models;

    @Option(names = "--window", paramLabel = "N",
            description = "Bars in an observation; checked against each model. Default: each model's own.")
    Integer window;

    @Option(names = "--dead-band", paramLabel = "X", defaultValue = "0.1",
            description = "Ensemble targets within +-X are 'flat'. Default: ${DEFAULT-VALUE}.")
    double deadBand;

    @Option(names = "--max-position", paramLabel = "N",
            description = "Contracts or shares a full position means (the input's position is divided by it). Default: 1 for "
                    + "futures, 100 for stocks and ETFs.")
    Double maxPosition;

    /** The parsed snapshot. */
    record Snapshot(Instrument instrument, BarSeries bars, double position, double entryPrice, int barsInPosition) {}

    /** One model's answer. */
    record ModelAnswer(Path model, String algorithm, int window, Decision decision) {}

    @Override
    int execute() {
        if (!(deadBand >= 0 && deadBand < 1)) {
            throw new UsageError("--dead-band " + deadBand + ": give a value in [0, 1), e.g. 0.1");
        }
        if (window != null && window < 1) {
            throw new UsageError("--window " + window + ": give at least 1, or leave it out to use each model's own");
        }
        Snapshot snapshot = parse(read());
        double contracts = maxPosition != null ? maxPosition : MarketInput.defaultMaxPosition(snapshot.instrument());
        if (!(contracts > 0)) {
            throw new UsageError("--max-position " + maxPosition + ": give a positive number of contracts or shares");
        }
        if (Math.abs(snapshot.position()) > contracts + 1e-9) {
            throw new UsageError("position " + snapshot.position() + ": more than --max-position " + contracts + " allows; give the "
                    + "position in contracts or shares and --max-position as the full position");
        }
        FeatureMatrix features = MarketFeatures.compute(snapshot.bars(), FeatureConfig.DEFAULT);
        List<ModelAnswer> answers = new ArrayList<>();
        for (Path dir : models) {
            try (Models.Loaded model = Models.load(dir, features.columns(), features.hash(), window)) {
                answers.add(new ModelAnswer(dir, model.algorithm(), model.window(), decide(model, features, snapshot, contracts)));
            }
        }
        ObjectNode result = answer(snapshot, answers);
        PrintStream o = out();
        try {
            o.println(JSON.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the decision as JSON: " + e.getMessage(), e);
        }
        return Rl.OK;
    }

    private JsonNode read() {
        try {
            JsonNode root = JSON.readTree(in());
            if (root == null || root.isMissingNode()) {
                throw new UsageError("standard input is empty; send one JSON object: {\"instrument\":\"ES\",\"bars\":[...],"
                        + "\"position\":0} (docs/cli.md)");
            }
            if (!root.isObject()) {
                throw new UsageError("standard input holds a JSON " + root.getNodeType().toString().toLowerCase(Locale.ROOT)
                        + ", not an object; send one object: {\"instrument\":\"ES\",\"bars\":[...],\"position\":0}");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new UsageError("standard input is not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "; send one JSON object "
                    + "(docs/cli.md)", e);
        } catch (IOException e) {
            throw new UsageError("cannot read standard input: " + e.getMessage(), e);
        }
    }

    /** The snapshot, every field checked; a problem names the field, the value and the fix. */
    static Snapshot parse(JsonNode root) {
        String symbol = root.path("instrument").asText("ES");
        Instrument instrument = MarketInput.instrument(symbol);
        Timeframe timeframe;
        try {
            timeframe = Timeframe.parse(root.path("timeframe").asText("1m"));
        } catch (IllegalArgumentException e) {
            throw new UsageError("timeframe: " + e.getMessage(), e);
        }
        JsonNode bars = root.path("bars");
        if (!bars.isArray() || bars.isEmpty()) {
            throw new UsageError("bars: " + (bars.isMissingNode() ? "missing" : "not a non-empty array")
                    + "; give the recent bars, oldest first, e.g. \"bars\":[{\"time\":\"2026-11-30T14:31:00Z\",\"open\":6000.25,"
                    + "\"high\":6001,\"low\":5999.75,\"close\":6000.5,\"volume\":1200}, ...]");
        }
        BarSeries series = new BarSeries(instrument.symbol(), timeframe, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            JsonNode b = bars.get(i);
            String where = "bars[" + i + "]";
            if (!b.isObject()) {
                throw new UsageError(where + ": " + b + " is not an object with time, open, high, low, close and volume");
            }
            long end = time(b.path("time"), where);
            try {
                series.append(end, number(b, "open", where), number(b, "high", where), number(b, "low", where),
                        number(b, "close", where), b.has("volume") ? number(b, "volume", where) : 0);
            } catch (IllegalArgumentException e) {
                throw new UsageError(where + ": " + e.getMessage(), e);
            }
        }
        double position = root.has("position") ? number(root, "position", "snapshot") : 0;
        double last = series.close(series.size() - 1);
        double entry = root.has("entryPrice") ? number(root, "entryPrice", "snapshot") : position == 0 ? Double.NaN : last;
        int held = root.has("barsInPosition") ? (int) number(root, "barsInPosition", "snapshot") : position == 0 ? 0 : 1;
        if (held < 0) {
            throw new UsageError("barsInPosition " + held + ": give 0 or more (bars since the position was opened)");
        }
        return new Snapshot(instrument, series, position, entry, held);
    }

    private static long time(JsonNode t, String where) {
        if (t.isIntegralNumber()) {
            return t.asLong();
        }
        if (!t.isTextual()) {
            throw new UsageError(where + ".time: " + (t.isMissingNode() ? "missing" : t.toString()) + "; give the bar's end time "
                    + "in ISO-8601 UTC, e.g. \"2026-11-30T14:31:00Z\", or epoch milliseconds");
        }
        try {
            return Instant.parse(t.asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new UsageError(where + ".time: '" + t.asText() + "' is not an ISO-8601 instant; write e.g. \"2026-11-30T14:31:00Z\" "
                    + "(UTC, with the Z) or epoch milliseconds", e);
        }
    }

    private static double number(JsonNode parent, String field, String where) {
        JsonNode v = parent.path(field);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new UsageError(where + "." + field + ": " + (v.isMissingNode() ? "missing" : v.toString()) + "; give a number");
        }
        return v.asDouble();
    }

    /**
     * The model's decision on the last bar: the last W feature rows go through the same observation
     * builder a session uses, so the model sees what it saw in training (at the start of an episode:
     * no recent targets or returns, as the snapshot has no history of the model's own decisions).
     */
    private static Decision decide(Models.Loaded model, FeatureMatrix features, Snapshot s, double contracts) {
        int n = features.rows();
        int rows = Math.max(model.window(), 1);
        int firstNeeded = n - rows;
        for (int r = Math.max(firstNeeded, 0); r < n; r++) {
            if (firstNeeded < 0 || !features.isValid(r)) {
                int firstValid = features.firstValidRow();
                throw new UsageError(String.format(Locale.ROOT, "%d bars are too few for model %s: it needs the features of the last"
                        + " %d bar(s) defined, but %s. The market features need about 766 one-minute bars of history (the EMA 50 "
                        + "of 15-minute bars) and one earlier session for relative volume; send more bars", n, model.directory(),
                        rows, firstValid >= n ? "no bar has every feature defined yet"
                                : "the first bar with every feature defined is bar " + firstValid + " (0-based)"));
            }
        }
        Policy policy = model.policy(contracts, s.instrument().tickSize());
        double fraction = s.position() / contracts;
        Decision d = null;
        for (int r = firstNeeded; r < n; r++) {
            float[] row = new float[features.columns()];
            features.copyRow(r, row, 0);
            Observation.PositionState account = new Observation.PositionState(s.position(), s.entryPrice(), s.bars().close(r),
                    s.barsInPosition());
            d = policy.decide(new Observation(s.bars().endTime(r), row, fraction, account));
        }
        return d;
    }

    private ObjectNode answer(Snapshot s, List<ModelAnswer> answers) {
        ObjectNode root = JSON.createObjectNode();
        root.put("instrument", s.instrument().symbol());
        root.put("time", s.bars().endTime(s.bars().size() - 1).toString());
        root.put("bars", s.bars().size());
        root.put("position", s.position());
        ArrayNode list = root.putArray("models");
        double weights = 0;
        double weighted = 0;
        for (ModelAnswer a : answers) {
            Decision d = a.decision();
            ObjectNode m = list.addObject();
            m.put("model", a.model().toString());
            m.put("algorithm", a.algorithm());
            m.put("window", a.window());
            m.put("targetPosition", d.targetPosition());
            m.put("confidence", d.confidence());
            m.put("recommendation", recommendation(d.targetPosition(), deadBand));
            ObjectNode action = m.putObject("action");
            if (d.action() instanceof Action.Discrete discrete) {
                action.put("type", "discrete");
                action.put("index", discrete.index());
                action.put("probability", d.confidence()); // the agent's confidence is the chosen action's probability
            } else if (d.action() instanceof Action.Continuous continuous) {
                action.put("type", "continuous");
                ArrayNode values = action.putArray("values");
                for (float v : continuous.values()) {
                    values.add(v);
                }
            }
            weights += d.confidence();
            weighted += d.confidence() * d.targetPosition();
        }
        double target = weights > 0 ? weighted / weights : 0;
        String recommendation = recommendation(target, deadBand);
        double agreeing = 0;
        for (ModelAnswer a : answers) {
            if (recommendation(a.decision().targetPosition(), deadBand).equals(recommendation)) {
                agreeing += a.decision().confidence();
            }
        }
        ObjectNode ensemble = root.putObject("ensemble");
        ensemble.put("targetPosition", target);
        ensemble.put("recommendation", recommendation);
        ensemble.put("confidence", weights > 0 ? agreeing / weights : 0);
        ensemble.put("deadBand", deadBand);
        ensemble.put("models", answers.size());
        return root;
    }

    /** {@code long}, {@code short} or {@code flat} by the target's sign, with targets inside the dead band flat. */
    static String recommendation(double target, double deadBand) {
        if (target > deadBand) {
            return "long";
        }
        if (target < -deadBand) {
            return "short";
        }
        return "flat";
    }
}
