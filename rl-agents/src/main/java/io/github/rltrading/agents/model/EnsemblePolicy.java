package io.github.rltrading.agents.model;

import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.spi.Policy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several policies voting on one target position. Each member has a name and a weight; every
 * member decides on the same observation, and the ensemble's decision is:
 *
 * <ul>
 *   <li><b>target</b> = Σ wᵢ·cᵢ·tᵢ / Σ wᵢ·cᵢ, the members' targets tᵢ weighted by weight × confidence
 *       (when every confidence is 0: Σ wᵢ·tᵢ / Σ wᵢ). A sure member counts for more than an unsure one
 *       of the same weight.</li>
 *   <li><b>agreement</b> = Σ wᵢ over the members whose target has the ensemble target's sign (long,
 *       short, or flat for 0) / Σ wᵢ: the weighted share of members on the ensemble's side. Weights
 *       alone, not confidences, so that one confident member cannot pass for a consensus.</li>
 *   <li><b>confidence</b> = agreement × Σ wᵢ·cᵢ / Σ wᵢ (the weighted mean confidence). It falls when
 *       members disagree on the direction, which is what matters for a position, and when they are
 *       unsure themselves; unanimous members give their mean confidence, and two equal members
 *       pulling opposite ways give 0 (the target is 0 and no member is flat).</li>
 * </ul>
 *
 * A member that throws is left out of that decision (and logged); when every member throws, the
 * ensemble throws. The sums above run over the members that answered.
 *
 * <p>The decision's rationale carries every member's output in a fixed format, so that the journal
 * keeps it ({@link #votes} reads it back):
 *
 * <pre>{@code
 * ensemble target=0.6182 confidence=0.4889 agreement=0.6667 | ppo weight=1.0000 target=0.8000 confidence=0.9000 | sac weight=0.5000 target=-0.2000 confidence=0.4000 | dqn weight=1.0000 failed=IllegalStateException: no model
 * }</pre>
 *
 * Numbers have four decimals and a dot; members are separated by {@code " | "}; a failed member has
 * {@code failed=} and the exception (with any {@code |} and line breaks replaced by spaces) instead
 * of target and confidence.
 *
 * <pre>{@code
 * Policy ensemble = EnsemblePolicy.builder()
 *         .member("ppo", AgentPolicy.of(Ppo.load(ppoDir), true), 1.0)
 *         .member("dqn", AgentPolicy.of(Dqn.load(dqnDir), true), 0.5)
 *         .build();
 * }</pre>
 *
 * The decision's raw action is the target itself (continuous), its source {@code ensemble} (or the
 * builder's {@link Builder#source}). Members are asked one after another on the caller's thread;
 * the ensemble is as thread-safe as its members. Closing it closes every member.
 */
public final class EnsemblePolicy implements Policy {

    private static final Logger LOG = LoggerFactory.getLogger(EnsemblePolicy.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern PAIR = Pattern.compile("(\\w+)=(\\S+)");

    /**
     * One member.
     *
     * @param name   how the rationale names it: letters, digits, {@code _ . -}
     * @param policy the member
     * @param weight its weight, finite and above 0
     */
    public record Member(String name, Policy policy, double weight) {
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(policy, "policy");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("ensemble member name \"" + name + "\" must be letters, digits, '_', '.' or '-' "
                        + "(the rationale uses spaces, '=' and '|' as separators)");
            }
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("ensemble member " + name + ": weight must be a finite number above 0, got "
                        + weight);
            }
        }
    }

    /**
     * One member's output as the rationale records it.
     *
     * @param name       the member's name
     * @param weight     its weight
     * @param target     its target position (NaN when it failed)
     * @param confidence its confidence (NaN when it failed)
     * @param failure    the exception it threw, or null
     */
    public record Vote(String name, double weight, double target, double confidence, String failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    private final List<Member> members;
    private final String source;

    private EnsemblePolicy(List<Member> members, String source) {
        this.members = List.copyOf(members);
        this.source = source;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Member> members() {
        return members;
    }

    @Override
    public Decision decide(Observation observation) {
        int n = members.size();
        double[] targets = new double[n];
        double[] confidences = new double[n];
        RuntimeException[] failures = new RuntimeException[n];
        int answered = 0;
        for (int i = 0; i < n; i++) {
            Member m = members.get(i);
            try {
                Decision d = m.policy().decide(observation);
                targets[i] = d.targetPosition();
                confidences[i] = d.confidence();
                answered++;
            } catch (RuntimeException e) {
                failures[i] = e;
                LOG.warn("ensemble member {} failed and is left out of this decision: {}", m.name(), e.toString());
            }
        }
        if (answered == 0) {
            StringBuilder why = new StringBuilder("every member of the ensemble failed:");
            for (int i = 0; i < n; i++) {
                why.append(i == 0 ? " " : "; ").append(members.get(i).name()).append(": ").append(failures[i]);
            }
            IllegalStateException e = new IllegalStateException(why.toString(), failures[0]);
            for (int i = 1; i < n; i++) {
                e.addSuppressed(failures[i]);
            }
            throw e;
        }
        double weights = 0;
        double weightedConfidence = 0;
        double weightedTargets = 0;
        double plainTargets = 0;
        for (int i = 0; i < n; i++) {
            if (failures[i] == null) {
                double w = members.get(i).weight();
                weights += w;
                weightedConfidence += w * confidences[i];
                weightedTargets += w * confidences[i] * targets[i];
                plainTargets += w * targets[i];
            }
        }
        double target = weightedConfidence > 0 ? weightedTargets / weightedConfidence : plainTargets / weights;
        target = Math.max(-1, Math.min(1, target));
        double side = Math.signum(target);
        double agreeing = 0;
        for (int i = 0; i < n; i++) {
            if (failures[i] == null && Math.signum(targets[i]) == side) {
                agreeing += members.get(i).weight();
            }
        }
        double agreement = agreeing / weights;
        double confidence = Math.max(0, Math.min(1, agreement * weightedConfidence / weights));
        return Decision.target(target, confidence, rationale(target, confidence, agreement, targets, confidences, failures),
                source);
    }

    private String rationale(double target, double confidence, double agreement, double[] targets, double[] confidences,
                             RuntimeException[] failures) {
        StringBuilder s = new StringBuilder(64 + 64 * members.size());
        s.append(String.format(Locale.ROOT, "ensemble target=%.4f confidence=%.4f agreement=%.4f", target, confidence, agreement));
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            s.append(" | ").append(m.name()).append(String.format(Locale.ROOT, " weight=%.4f", m.weight()));
            if (failures[i] == null) {
                s.append(String.format(Locale.ROOT, " target=%.4f confidence=%.4f", targets[i], confidences[i]));
            } else {
                RuntimeException e = failures[i];
                String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                s.append(" failed=").append(why.replaceAll("[|\\r\\n]+", " "));
            }
        }
        return s.toString();
    }

    /**
     * The members' outputs written in an ensemble decision's {@code rationale}, in member order.
     *
     * @throws IllegalArgumentException when the text is not an ensemble rationale
     */
    public static List<Vote> votes(String rationale) {
        if (rationale == null || !rationale.startsWith("ensemble target=")) {
            throw new IllegalArgumentException("not an ensemble rationale (it starts with \"ensemble target=\"): " + rationale);
        }
        String[] parts = rationale.split(" \\| ");
        List<Vote> votes = new ArrayList<>(parts.length - 1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int space = part.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("ensemble rationale: member entry \"" + part + "\" has no values");
            }
            String name = part.substring(0, space);
            String rest = part.substring(space + 1);
            String failure = null;
            int failed = rest.indexOf("failed=");
            if (failed >= 0) {
                failure = rest.substring(failed + "failed=".length());
                rest = rest.substring(0, failed);
            }
            double weight = Double.NaN;
            double target = Double.NaN;
            double confidence = Double.NaN;
            Matcher m = PAIR.matcher(rest);
            while (m.find()) {
                double v = Double.parseDouble(m.group(2));
                switch (m.group(1)) {
                    case "weight" -> weight = v;
                    case "target" -> target = v;
                    case "confidence" -> confidence = v;
                    default -> throw new IllegalArgumentException("ensemble rationale: unknown value " + m.group(1)
                            + " in member entry \"" + part + "\"");
                }
            }
            votes.add(new Vote(name, weight, target, confidence, failure));
        }
        return votes;
    }

    /** Closes every member, even when one fails to close; the first failure is thrown, the others suppressed. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (Member m : members) {
            try {
                m.policy().close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Builds an ensemble: at least one member, names unique. */
    public static final class Builder {
        private final List<Member> members = new ArrayList<>();
        private String source = "ensemble";

        private Builder() {}

        /** Adds a member with weight 1. */
        public Builder member(String name, Policy policy) {
            return member(name, policy, 1.0);
        }

        /** Adds a member. */
        public Builder member(String name, Policy policy, double weight) {
            members.add(new Member(name, policy, weight));
            return this;
        }

        /** The decisions' source ({@code ensemble} by default), e.g. a version: {@code ensemble-v2}. */
        public Builder source(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("source must not be blank");
            }
            source = value;
            return this;
        }

        /**
         * @throws IllegalArgumentException without members, or when two members share a name
         */
        public EnsemblePolicy build() {
            if (members.isEmpty()) {
                throw new IllegalArgumentException("an ensemble needs at least one member: builder().member(name, policy, weight)");
            }
            Set<String> names = new HashSet<>();
            for (Member m : members) {
                if (!names.add(m.name())) {
                    throw new IllegalArgumentException("two ensemble members are named " + m.name()
                            + "; give each a name of its own (the rationale tells them apart by name)");
                }
            }
            return new EnsemblePolicy(members, source);
        }
    }
}
