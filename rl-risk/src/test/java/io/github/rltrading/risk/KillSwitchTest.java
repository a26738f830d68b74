package io.github.rltrading.risk;

import static io.github.rltrading.risk.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.decision.RiskVerdict.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KillSwitchTest {

    @TempDir
    Path dir;

    @Test
    void engagedSurvivesARestartAndOnlyAnExplicitResetReleasesIt() {
        Path file = dir.resolve("state/kill.json");
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        KillSwitch kill = KillSwitch.open(file, clock);
        assertThat(kill.isEngaged()).isFalse();
        kill.engage("ops", "broker positions unknown");

        KillSwitch afterRestart = KillSwitch.open(file, clock); // a fresh read of the file, as a new JVM would
        assertThat(afterRestart.isEngaged()).isTrue();
        assertThat(afterRestart.state().reason()).isEqualTo("broker positions unknown");
        KillSwitchGate gate = new KillSwitchGate(afterRestart, true);
        gate.reset(); // a new session does not release it
        var v = gate.evaluate(proposal(0, 1), context(100_000));
        assertThat(v.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(v.reason()).isEqualTo("kill switch is on since 2020-03-09T19:00:00Z (ops: broker positions unknown); "
                + "only orders that reduce risk pass until it is reset");
        assertThat(gate.evaluate(proposal(2, 1), context(100_000)).outcome()).as("reducing passes").isEqualTo(Outcome.APPROVE);
        assertThat(gate.onBar(context(100_000, 2, bars(3000)), 2).approvedQuantity()).as("flatten: true").isZero();

        afterRestart.reset("ops", "reconciled");
        assertThat(KillSwitch.open(file, clock).isEngaged()).isFalse();
        assertThat(gate.evaluate(proposal(0, 1), context(100_000)).outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(Files.exists(file.resolveSibling("kill.json.tmp"))).as("no temporary file left").isFalse();
    }

    @Test
    void anUnreadableStateFileCountsAsEngaged() throws Exception {
        Path file = dir.resolve("kill.json");
        Files.writeString(file, "{\"engaged\": tru");
        KillSwitch kill = KillSwitch.open(file, Clock.systemUTC());
        assertThat(kill.isEngaged()).isTrue();
        assertThat(kill.state().reason()).startsWith("kill switch state file " + file.toAbsolutePath())
                .endsWith("treated as engaged until it is reset");
    }

    @Test
    void gatesNamingTheSameFileShareOneSwitch() {
        String file = dir.resolve("shared.json").toString();
        KillSwitchGate a = new KillSwitchGate(config("state-file", file));
        KillSwitchGate b = new KillSwitchGate(config("state-file", file));
        KillSwitch.at(Path.of(file)).engage("api", "manual");
        assertThat(a.evaluate(proposal(0, 1), context(100_000)).outcome()).isEqualTo(Outcome.REJECT);
        assertThat(b.killSwitch()).isSameAs(a.killSwitch());
        a.killSwitch().reset("api", "done");
    }
}
