package io.github.rltrading.agents.model;

import io.github.rltrading.core.PluginKind;
import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.spi.PolicyProvider;
import io.github.rltrading.core.spi.Provider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code policy: ensemble}: an {@link EnsemblePolicy} of policies that are themselves chosen by name
 * through the policy SPI.
 *
 * <pre>{@code
 * policy:
 *   name: ensemble
 *   members:
 *     - {name: ppo, model: runs/ppo-es/model, weight: 1}
 *     - {name: dqn, model: runs/dqn-es/model, weight: 0.5}
 *     - {name: ppo, label: ppo-old, model: runs/ppo-es-2025/model}   # a second ppo needs a label
 * }</pre>
 *
 * Each member's {@code name} is a policy provider's name; {@code label} (default: the name) is what
 * the rationale calls it; {@code weight} defaults to 1; every other key is the member provider's own
 * setting ({@code model}, {@code deterministic}, {@code targets}, {@code device}, ...). The members are
 * created directly by their providers, so a {@code -Drl.policy=...} override applies to the
 * ensemble, not to each member.
 */
public final class EnsemblePolicyProvider implements PolicyProvider {

    @Override
    public String name() {
        return "ensemble";
    }

    /** Below zero: chosen by name, never by default. */
    @Override
    public int rank() {
        return -1;
    }

    @Override
    public Policy create(Config config) {
        Object raw = config.get("members").orElse(null);
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(config.path("members") + " must be a list of one or more members, e.g. "
                    + "members: [{name: ppo, model: runs/ppo/model, weight: 1}, {name: dqn, model: runs/dqn/model, weight: 0.5}]"
                    + (raw == null ? "; it is missing" : "; got " + raw));
        }
        Plugins plugins = Plugins.load();
        EnsemblePolicy.Builder builder = EnsemblePolicy.builder();
        List<Policy> created = new ArrayList<>();
        try {
            for (int i = 0; i < list.size(); i++) {
                String where = config.path("members") + "[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> entry)) {
                    throw new IllegalArgumentException(where + " must be a section such as {name: ppo, model: DIR, weight: 1}, got "
                            + list.get(i));
                }
                Map<String, Object> settings = new LinkedHashMap<>();
                entry.forEach((k, v) -> settings.put(String.valueOf(k), v));
                Object name = settings.remove("name");
                if (name == null) {
                    throw new IllegalArgumentException(where + " has no name; write name: <one of " + names(plugins) + ">");
                }
                Object label = settings.remove("label");
                Object weight = settings.remove("weight");
                double w;
                try {
                    w = weight == null ? 1.0 : Double.parseDouble(String.valueOf(weight).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ".weight must be a number above 0, got " + weight, e);
                }
                Optional<PolicyProvider> provider = plugins.provider(PluginKind.POLICY, String.valueOf(name).trim());
                if (provider.isEmpty()) {
                    throw new IllegalArgumentException(where + ": no policy provider named \"" + name + "\"; available: "
                            + names(plugins));
                }
                Policy member;
                try {
                    member = provider.get().create(Config.of(settings));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(where + " (" + name + ") could not be created: " + e.getMessage(), e);
                }
                created.add(member);
                String memberName = label == null ? String.valueOf(name).trim() : String.valueOf(label).trim();
                try {
                    builder.member(memberName, member, w);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
            try {
                return builder.build();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(config.path("members") + ": " + e.getMessage()
                        + (e.getMessage().contains("named") ? " (set label: on one of them)" : ""), e);
            }
        } catch (RuntimeException e) {
            for (Policy p : created) {
                try {
                    p.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    private static List<String> names(Plugins plugins) {
        return plugins.providers(PluginKind.POLICY).stream().map(Provider::name).sorted().toList();
    }
}
