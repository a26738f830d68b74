package io.github.rltrading.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.env.bars.MarketHours;
import io.github.rltrading.env.synthetic.SyntheticMarket;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Runs {@code rl} in this JVM and captures what it prints; shared test data and models. */
final class Cli {

    private Cli() {}

    /** What a run printed and returned. */
    record Result(int code, String out, String err) {
        /** Both streams, for assertion messages. */
        String both() {
            return "exit " + code + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    static Result run(String... args) {
        return runWithInput("", args);
    }

    static Result runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Rl.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e, args);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs and requires exit 0, showing both streams otherwise. */
    static Result ok(String... args) {
        Result r = run(args);
        assertThat(r.code()).as(r.both()).isZero();
        return r;
    }

    /** The synthetic market the commands generate for {@code --sessions n --seed seed --hours rth}. */
    static BarSeries synthetic(int sessions, long seed) {
        return SyntheticMarket.builder().seed(seed).sessions(sessions).instrument(ContractSpecs.ES).hours(MarketHours.US_EQUITY_RTH)
                .build().generate().series();
    }

    /** Writes {@code bars} as a CSV file with UTC times (time,open,high,low,close,volume). */
    static Path csv(Path file, BarSeries bars) {
        StringBuilder s = new StringBuilder("time,open,high,low,close,volume\n");
        for (int i = 0; i < bars.size(); i++) {
            s.append(bars.endTime(i)).append(',').append(bars.open(i)).append(',').append(bars.high(i)).append(',')
                    .append(bars.low(i)).append(',').append(bars.close(i)).append(',').append(String.format(Locale.ROOT, "%.0f",
                            bars.volume(i))).append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path windowFour;
    private static Path windowTwo;

    /**
     * A tiny PPO model (window 4, 256 steps on 12 synthetic sessions), trained once per test JVM
     * through {@code rl train} itself and shared by the tests that need a model.
     */
    static synchronized Path modelWindowFour() {
        if (windowFour == null) {
            windowFour = train("ppo-w4", 4, 1);
        }
        return windowFour;
    }

    /** A second tiny model (window 2, another seed), for ensembles. */
    static synchronized Path modelWindowTwo() {
        if (windowTwo == null) {
            windowTwo = train("ppo-w2", 2, 2);
        }
        return windowTwo;
    }

    private static Path train(String name, int window, long seed) {
        Path dir = Path.of("target", "cli-test-models", name);
        ok("train", "--sessions", "12", "--hours", "rth", "--seed", String.valueOf(seed), "--steps", "256", "--window",
                String.valueOf(window), "--episode-length", "200", "--out", dir.toString(), "--overwrite");
        return dir;
    }

    /**
     * {@code ../shared/data/<relative>} beside the checkout; skips the calling test when it is absent
     * (a user's own clone has no shared data).
     */
    static Path sharedData(String relative) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve(".ci").resolve("run"))) {
            p = p.getParent();
        }
        assumeTrue(p != null, "no checkout root (.ci/run) above the working directory: skipping a test that reads ../shared/data");
        Path f = p.resolveSibling("shared").resolve("data").resolve(relative);
        assumeTrue(Files.exists(f), "../shared/data/" + relative + " is absent: skipping a test that reads it");
        return f;
    }
}
