package io.github.rltrading.agents.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.rltrading.agents.dqn.Dqn;
import io.github.rltrading.agents.dqn.DqnConfig;
import io.github.rltrading.agents.ppo.Ppo;
import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.core.PluginKind;
import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.decision.ActionSpace;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.spi.Policy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ensemble's vote, its rationale, failing members, and the {@code ensemble} provider. */
class EnsemblePolicyTest {

    static final Observation OBS = new Observation(Instant.EPOCH, new float[] {0.1f, 0.2f, 0.3f}, 0);

    static Policy says(double target, double confidence) {
        return o -> Decision.target(target, confidence, "stub", "stub");
    }

    static Policy fails(RuntimeException e) {
        return o -> {
            throw e;
        };
    }

    @Test
    void membersThatAgreeGiveTheirMeanConfidence() {
        Decision d = EnsemblePolicy.builder()
                .member("ppo", says(0.5, 0.8))
                .member("sac", says(1.0, 0.4))
                .member("dqn", says(0.2, 1.0), 2)
                .build().decide(OBS);
        // Σ w·c = 0.8 + 0.4 + 2.0 = 3.2; Σ w·c·t = 0.4 + 0.4 + 0.4 = 1.2; Σ w = 4.
        assertThat(d.targetPosition()).isCloseTo(1.2 / 3.2, within(1e-12));
        assertThat(d.confidence()).isCloseTo(3.2 / 4, within(1e-12));
        assertThat(d.source()).isEqualTo("ensemble");
        assertThat(d.rationale()).startsWith("ensemble target=0.3750 confidence=0.8000 agreement=1.0000 | ppo weight=1.0000 ");
    }

    @Test
    void disagreementLowersTheConfidenceAndAFailingMemberIsLeftOut() {
        Decision d = EnsemblePolicy.builder()
                .member("ppo", says(0.8, 0.9), 1)
                .member("sac", says(-0.2, 0.4), 0.5)
                .member("dqn", fails(new IllegalStateException("no model")), 1)
                .build().decide(OBS);
        // Without dqn: Σ w = 1.5, Σ w·c = 1.1, Σ w·c·t = 0.72 − 0.04 = 0.68; ppo alone is on the long side.
        assertThat(d.targetPosition()).isCloseTo(0.68 / 1.1, within(1e-12));
        assertThat(d.confidence()).isCloseTo((1 / 1.5) * (1.1 / 1.5), within(1e-12));
        assertThat(d.rationale()).isEqualTo("ensemble target=0.6182 confidence=0.4889 agreement=0.6667"
                + " | ppo weight=1.0000 target=0.8000 confidence=0.9000"
                + " | sac weight=0.5000 target=-0.2000 confidence=0.4000"
                + " | dqn weight=1.0000 failed=IllegalStateException: no model");
        assertThat(EnsemblePolicy.votes(d.rationale())).containsExactly(
                new EnsemblePolicy.Vote("ppo", 1, 0.8, 0.9, null),
                new EnsemblePolicy.Vote("sac", 0.5, -0.2, 0.4, null),
                new EnsemblePolicy.Vote("dqn", 1, Double.NaN, Double.NaN, "IllegalStateException: no model"));
    }

    @Test
    void equalMembersPullingOppositeWaysGiveNoConfidence() {
        Decision d = EnsemblePolicy.builder().member("a", says(0.6, 0.5)).member("b", says(-0.6, 0.5)).build().decide(OBS);
        assertThat(d.targetPosition()).isZero();
        assertThat(d.confidence()).isZero();
    }

    @Test
    void weightsAndConfidencesDecideWhoWins() {
        Decision heavier = EnsemblePolicy.builder().member("a", says(1, 0.5)).member("b", says(-1, 0.5), 3).build().decide(OBS);
        assertThat(heavier.targetPosition()).isCloseTo(-0.5, within(1e-12)); // (0.5 − 1.5) / 2
        assertThat(heavier.confidence()).isCloseTo(0.75 * 0.5, within(1e-12));
        Decision surer = EnsemblePolicy.builder().member("a", says(1, 0.9)).member("b", says(-1, 0.1)).build().decide(OBS);
        assertThat(surer.targetPosition()).isCloseTo(0.8, within(1e-12));
        assertThat(surer.confidence()).isCloseTo(0.5 * 0.5, within(1e-12));
        Decision unsure = EnsemblePolicy.builder().member("a", says(1, 0)).member("b", says(-1, 0), 3).build().decide(OBS);
        assertThat(unsure.targetPosition()).as("no confidence anywhere: the plain weighted mean").isCloseTo(-0.5, within(1e-12));
        assertThat(unsure.confidence()).isZero();
    }

    @Test
    void whenEveryMemberFailsTheEnsembleThrows() {
        IllegalStateException first = new IllegalStateException("x");
        RuntimeException second = new RuntimeException("y");
        EnsemblePolicy e = EnsemblePolicy.builder().member("a", fails(first)).member("b", fails(second)).build();
        assertThatThrownBy(() -> e.decide(OBS)).isInstanceOf(IllegalStateException.class)
                .hasMessage("every member of the ensemble failed: a: java.lang.IllegalStateException: x; b: java.lang.RuntimeException: y")
                .hasCause(first)
                .satisfies(t -> assertThat(t.getSuppressed()).containsExactly(second));
    }

    @Test
    void theBuilderRefusesWhatCannotVote() {
        assertThatThrownBy(() -> EnsemblePolicy.builder().build())
                .hasMessage("an ensemble needs at least one member: builder().member(name, policy, weight)");
        assertThatThrownBy(() -> EnsemblePolicy.builder().member("a", says(0, 1), 0))
                .hasMessage("ensemble member a: weight must be a finite number above 0, got 0.0");
        assertThatThrownBy(() -> EnsemblePolicy.builder().member("a b", says(0, 1)))
                .hasMessage("ensemble member name \"a b\" must be letters, digits, '_', '.' or '-' "
                        + "(the rationale uses spaces, '=' and '|' as separators)");
        assertThatThrownBy(() -> EnsemblePolicy.builder().member("a", says(0, 1)).member("a", says(1, 1)).build())
                .hasMessage("two ensemble members are named a; give each a name of its own (the rationale tells them apart by name)");
        assertThatThrownBy(() -> EnsemblePolicy.votes("ppo model: target 0.20, confidence 0.50"))
                .hasMessageStartingWith("not an ensemble rationale");
    }

    @Test
    void closingClosesEveryMemberEvenWhenOneFails() {
        List<String> closed = new ArrayList<>();
        Policy a = new Policy() {
            @Override
            public Decision decide(Observation o) {
                return Decision.flat("", "a");
            }

            @Override
            public void close() {
                closed.add("a");
                throw new IllegalStateException("a cannot close");
            }
        };
        Policy b = new Policy() {
            @Override
            public Decision decide(Observation o) {
                return Decision.flat("", "b");
            }

            @Override
            public void close() {
                closed.add("b");
            }
        };
        EnsemblePolicy e = EnsemblePolicy.builder().member("a", a).member("b", b).source("ensemble-v2").build();
        assertThat(e.decide(OBS).source()).isEqualTo("ensemble-v2");
        assertThatThrownBy(e::close).hasMessage("a cannot close");
        assertThat(closed).containsExactly("a", "b");
    }

    record Vote(double target, double confidence, double weight) {}

    @Provide
    Arbitrary<Vote> votes() {
        return Combinators.combine(Arbitraries.doubles().between(-1, 1), Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0.01, 10)).as(Vote::new);
    }

    @Property(tries = 300)
    void theVoteStaysInRangeAndTheRationaleCarriesEveryMember(@ForAll @Size(min = 1, max = 6) List<@net.jqwik.api.From("votes") Vote> members) {
        EnsemblePolicy.Builder b = EnsemblePolicy.builder();
        for (int i = 0; i < members.size(); i++) {
            Vote v = members.get(i);
            b.member("m" + i, says(v.target(), v.confidence()), v.weight());
        }
        Decision d = b.build().decide(OBS);
        double lo = members.stream().mapToDouble(Vote::target).min().orElseThrow();
        double hi = members.stream().mapToDouble(Vote::target).max().orElseThrow();
        assertThat(d.targetPosition()).isBetween(lo - 1e-12, hi + 1e-12);
        assertThat(d.confidence()).isBetween(0.0, 1.0);
        double meanConfidence = members.stream().mapToDouble(v -> v.weight() * v.confidence()).sum()
                / members.stream().mapToDouble(Vote::weight).sum();
        assertThat(d.confidence()).as("agreement is at most 1").isLessThanOrEqualTo(meanConfidence + 1e-12);
        boolean sameSide = members.stream().allMatch(v -> v.target() > 0) || members.stream().allMatch(v -> v.target() < 0);
        if (sameSide) {
            assertThat(d.confidence()).isCloseTo(meanConfidence, within(1e-12));
        }
        List<EnsemblePolicy.Vote> read = EnsemblePolicy.votes(d.rationale());
        assertThat(read).hasSize(members.size());
        for (int i = 0; i < members.size(); i++) {
            assertThat(read.get(i).name()).isEqualTo("m" + i);
            assertThat(read.get(i).target()).isCloseTo(members.get(i).target(), within(5.1e-5));
            assertThat(read.get(i).confidence()).isCloseTo(members.get(i).confidence(), within(5.1e-5));
            assertThat(read.get(i).weight()).isCloseTo(members.get(i).weight(), within(5.1e-5));
            assertThat(read.get(i).failed()).isFalse();
        }
    }

    @TempDir
    Path dir;

    @Test
    void theEnsembleProviderBuildsMembersThroughThePolicySpi() {
        try (Ppo ppo = new Ppo(PpoConfig.defaults().withSeed(2), 3, ActionSpace.box(-1f, 1f));
             Dqn dqn = new Dqn(DqnConfig.defaults().withSeed(2), 3, ActionSpace.discrete(3))) {
            ppo.save(dir.resolve("ppo"), ModelInfo.none());
            dqn.save(dir.resolve("dqn"), ModelInfo.none());
        }
        Config config = Config.of(Map.of("policy", Map.of("name", "ensemble", "members", List.of(
                Map.of("name", "ppo", "model", dir.resolve("ppo").toString(), "weight", 2),
                Map.of("name", "dqn", "model", dir.resolve("dqn").toString()),
                Map.of("name", "ppo", "label", "ppo-again", "model", dir.resolve("ppo").toString(), "weight", "0.5")))));
        Decision expectedPpo;
        try (Policy alone = AgentPolicy.of(Ppo.load(dir.resolve("ppo")), true)) {
            expectedPpo = alone.decide(OBS);
        }
        try (Policy ensemble = Plugins.load().create(PluginKind.POLICY, config)) {
            assertThat(ensemble).isInstanceOf(EnsemblePolicy.class);
            Decision d = ensemble.decide(OBS);
            assertThat(d.source()).isEqualTo("ensemble");
            List<EnsemblePolicy.Vote> votes = EnsemblePolicy.votes(d.rationale());
            assertThat(votes).extracting(EnsemblePolicy.Vote::name).containsExactly("ppo", "dqn", "ppo-again");
            assertThat(votes).extracting(EnsemblePolicy.Vote::weight).containsExactly(2.0, 1.0, 0.5);
            assertThat(votes.get(0).target()).isCloseTo(expectedPpo.targetPosition(), within(5.1e-5));
            assertThat(votes.get(0).confidence()).isCloseTo(expectedPpo.confidence(), within(5.1e-5));
        }
    }

    @Test
    void theEnsembleProviderNamesWhatIsWrong() {
        Plugins plugins = Plugins.load();
        assertThatThrownBy(() -> plugins.create(PluginKind.POLICY, Config.of(Map.of("policy", "ensemble"))))
                .hasMessageContaining("ensemble.members must be a list of one or more members, e.g. members: "
                        + "[{name: ppo, model: runs/ppo/model, weight: 1}, {name: dqn, model: runs/dqn/model, weight: 0.5}]; it is missing");
        assertThatThrownBy(() -> plugins.create(PluginKind.POLICY, Config.of(Map.of("policy", Map.of("name", "ensemble",
                "members", List.of(Map.of("name", "nosuch")))))))
                .hasMessageContaining("policy.members[0]: no policy provider named \"nosuch\"; available: [")
                .hasMessageContaining("dqn").hasMessageContaining("ensemble").hasMessageContaining("ppo");
        assertThatThrownBy(() -> plugins.create(PluginKind.POLICY, Config.of(Map.of("policy", Map.of("name", "ensemble",
                "members", List.of(Map.of("name", "ppo", "model", dir.resolve("none").toString())))))))
                .hasMessageContaining("policy.members[0] (ppo) could not be created: ")
                .hasMessageContaining("no saved model in");
    }
}
