package io.github.rltrading.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.core.market.BarSeries;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The last {@code n} bars of {@code bars} as predict's input. */
    static ObjectNode snapshot(BarSeries bars, int n, double position) {
        ObjectNode root = JSON.createObjectNode();
        root.put("instrument", "ES");
        ArrayNode list = root.putArray("bars");
        for (int i = bars.size() - n; i < bars.size(); i++) {
            list.addObject().put("time", bars.endTime(i).toString()).put("open", bars.open(i)).put("high", bars.high(i))
                    .put("low", bars.low(i)).put("close", bars.close(i)).put("volume", bars.volume(i));
        }
        root.put("position", position);
        return root;
    }

    private static String[] predict(String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("predict", "--model",
                Cli.modelWindowFour().toString(), "--model", Cli.modelWindowTwo().toString()));
        args.addAll(java.util.List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void answersWithEachModelsDecisionAndAConfidenceWeightedEnsemble() throws Exception {
        String input = snapshot(Cli.synthetic(3, 11), 1170, 0).toString();
        Cli.Result r = Cli.runWithInput(input, predict());
        assertThat(r.code()).as(r.both()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().strip()).doesNotContain("\n"); // one JSON object on one line
        JsonNode answer = JSON.readTree(r.out());
        assertThat(answer.path("instrument").asText()).isEqualTo("ES");
        assertThat(answer.path("bars").asInt()).isEqualTo(1170);
        assertThat(answer.path("time").asText()).isEqualTo(Cli.synthetic(3, 11).endTime(1169).toString());
        JsonNode models = answer.path("models");
        assertThat(models.size()).isEqualTo(2);
        assertThat(models.get(0).path("window").asInt()).isEqualTo(4);
        assertThat(models.get(1).path("window").asInt()).isEqualTo(2);
        double weights = 0;
        double weighted = 0;
        for (JsonNode m : models) {
            double target = m.path("targetPosition").asDouble();
            double confidence = m.path("confidence").asDouble();
            assertThat(target).isBetween(-1.0, 1.0);
            assertThat(confidence).isBetween(0.0, 1.0);
            assertThat(m.path("algorithm").asText()).isEqualTo("ppo");
            assertThat(m.path("action").path("type").asText()).isEqualTo("continuous");
            assertThat(m.path("action").path("values").size()).isEqualTo(1);
            assertThat(m.path("recommendation").asText()).isEqualTo(PredictCommand.recommendation(target, 0.1));
            weights += confidence;
            weighted += confidence * target;
        }
        JsonNode ensemble = answer.path("ensemble");
        double target = weighted / weights;
        assertThat(ensemble.path("targetPosition").asDouble()).isCloseTo(target, within(1e-9));
        String recommendation = PredictCommand.recommendation(target, 0.1);
        assertThat(ensemble.path("recommendation").asText()).isEqualTo(recommendation);
        double agreeing = 0;
        for (JsonNode m : models) {
            agreeing += m.path("recommendation").asText().equals(recommendation) ? m.path("confidence").asDouble() : 0;
        }
        assertThat(ensemble.path("confidence").asDouble()).isCloseTo(agreeing / weights, within(1e-9));
        assertThat(ensemble.path("deadBand").asDouble()).isEqualTo(0.1);

        // The same snapshot gives the same answer.
        assertThat(Cli.runWithInput(input, predict()).out()).isEqualTo(r.out());
    }

    @Test
    void aPositionGoesIntoTheObservationAndIsEchoed() throws Exception {
        ObjectNode snapshot = snapshot(Cli.synthetic(3, 11), 1170, 1);
        snapshot.put("entryPrice", 3990.25).put("barsInPosition", 12);
        Cli.Result r = Cli.runWithInput(snapshot.toString(), "predict", "--model", Cli.modelWindowFour().toString());
        assertThat(r.code()).as(r.both()).isZero();
        assertThat(JSON.readTree(r.out()).path("position").asDouble()).isEqualTo(1.0);
        Cli.Result tooLarge = Cli.runWithInput(snapshot(Cli.synthetic(3, 11), 1170, 3).toString(), "predict", "--model",
                Cli.modelWindowFour().toString());
        assertThat(tooLarge.code()).isEqualTo(Rl.USAGE);
        assertThat(tooLarge.err()).contains("position 3.0: more than --max-position 1.0 allows");
    }

    @Test
    void tooFewBarsIsAnErrorOnStandardErrorWithNothingOnStandardOutput() {
        Cli.Result r = Cli.runWithInput(snapshot(Cli.synthetic(3, 11), 100, 0).toString(), predict());
        assertThat(r.code()).isEqualTo(Rl.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("100 bars are too few for model " + Cli.modelWindowFour())
                .contains("no bar has every feature defined yet").contains("send more bars");
    }

    @Test
    void malformedInputIsNamedByFieldAndPosition() {
        Cli.Result notJson = Cli.runWithInput("{\"bars\": [", predict());
        assertThat(notJson.code()).isEqualTo(Rl.USAGE);
        assertThat(notJson.out()).isEmpty();
        assertThat(notJson.err()).contains("standard input is not valid JSON").contains("at line 1");

        Cli.Result empty = Cli.runWithInput("", predict());
        assertThat(empty.code()).isEqualTo(Rl.USAGE);
        assertThat(empty.err()).contains("standard input is empty; send one JSON object");

        ObjectNode badBar = snapshot(Cli.synthetic(3, 11), 1170, 0);
        ((ObjectNode) badBar.path("bars").get(5)).put("high", 1.0);
        Cli.Result bar = Cli.runWithInput(badBar.toString(), predict());
        assertThat(bar.code()).isEqualTo(Rl.USAGE);
        assertThat(bar.err()).contains("bars[5]: ");

        ObjectNode badTime = snapshot(Cli.synthetic(3, 11), 1170, 0);
        ((ObjectNode) badTime.path("bars").get(7)).put("time", "yesterday");
        Cli.Result time = Cli.runWithInput(badTime.toString(), predict());
        assertThat(time.code()).isEqualTo(Rl.USAGE);
        assertThat(time.err()).contains("bars[7].time: 'yesterday' is not an ISO-8601 instant; write e.g. \"2026-11-30T14:31:00Z\"");

        Cli.Result noBars = Cli.runWithInput("{\"instrument\":\"ES\"}", predict());
        assertThat(noBars.code()).isEqualTo(Rl.USAGE);
        assertThat(noBars.err()).contains("bars: missing; give the recent bars, oldest first");
    }

    @Test
    void aWindowOtherThanTheModelsAndAMissingModelAreUsageErrors(@TempDir Path dir) {
        String input = snapshot(Cli.synthetic(3, 11), 1170, 0).toString();
        Cli.Result window = Cli.runWithInput(input, "predict", "--model", Cli.modelWindowFour().toString(), "--window", "8");
        assertThat(window.code()).isEqualTo(Rl.USAGE);
        assertThat(window.err()).contains("--window 8: the model in " + Cli.modelWindowFour() + " was trained with window 4 (its 295 "
                + "inputs are 4 x 71 features + 11 state values); leave --window out or give 4");
        Cli.Result missing = Cli.runWithInput(input, "predict", "--model", dir.toString());
        assertThat(missing.code()).isEqualTo(Rl.USAGE);
        assertThat(missing.err()).contains("--model " + dir + ": no saved model there");
        Cli.Result none = Cli.runWithInput(input, "predict");
        assertThat(none.code()).isEqualTo(Rl.USAGE);
        assertThat(none.err()).contains("Missing required option: '--model=DIR'");
    }
}
