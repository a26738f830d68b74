package io.github.rltrading.agents.model;

import ai.djl.Device;
import io.github.rltrading.agents.dqn.Dqn;
import io.github.rltrading.agents.nn.Devices;
import io.github.rltrading.agents.ppo.Ppo;
import io.github.rltrading.agents.sac.Sac;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.spi.PolicyProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@code policy: ppo}, {@code sac} or {@code dqn}: a saved model as the session's policy.
 *
 * <pre>{@code
 * policy: ppo
 * ppo:
 *   model: runs/ppo-es/model      # the directory written by agent.save(dir, info)
 *   deterministic: true           # the mean / most likely action (default); false samples
 *   targets: [-1, 0, 1]           # discrete models: the target of each action (optional)
 *   device: cpu                   # cpu (default), gpu, gpu:N or auto; see Devices
 * }</pre>
 */
public final class AgentPolicyProviders {

    private AgentPolicyProviders() {}

    abstract static class Base implements PolicyProvider {
        private final String name;
        private final BiFunction<Path, Device, Agent> loader;

        Base(String name, BiFunction<Path, Device, Agent> loader) {
            this.name = name;
            this.loader = loader;
        }

        @Override
        public final String name() {
            return name;
        }

        /** Below zero: a model policy is chosen by name, never by default. */
        @Override
        public int rank() {
            return -1;
        }

        @Override
        public final Policy create(Config config) {
            ConfigValidator v = config.validator();
            String model = v.requiredString("model");
            boolean deterministic = v.bool("deterministic", true);
            List<String> targets = config.has("targets") ? config.getStringList("targets") : List.of();
            String deviceName = v.string("device", "cpu");
            v.throwIfInvalid("policy " + name);
            Agent agent = loader.apply(Path.of(model), Devices.resolve(deviceName));
            try {
                if (targets.isEmpty()) {
                    return AgentPolicy.of(agent, deterministic);
                }
                double[] t = targets.stream().mapToDouble(Double::parseDouble).toArray();
                return AgentPolicy.discrete(agent, deterministic, t);
            } catch (RuntimeException e) {
                agent.close();
                throw e;
            }
        }
    }

    /** {@code ppo}. */
    public static final class PpoModel extends Base {
        public PpoModel() {
            super("ppo", Ppo::load);
        }
    }

    /** {@code sac}. */
    public static final class SacModel extends Base {
        public SacModel() {
            super("sac", Sac::load);
        }
    }

    /** {@code dqn}. */
    public static final class DqnModel extends Base {
        public DqnModel() {
            super("dqn", Dqn::load);
        }
    }
}
