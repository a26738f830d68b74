package io.github.rltrading.env.classic;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.spi.Environment;
import io.github.rltrading.core.spi.EnvironmentProvider;

/** Providers for {@code environment: cartpole-v1} and {@code environment: pendulum-v1}. */
public final class ClassicProviders {

    private ClassicProviders() {}

    /** {@code cartpole-v1}. */
    public static final class CartPoleProvider implements EnvironmentProvider {
        @Override
        public String name() {
            return "cartpole-v1";
        }

        @Override
        public Environment create(Config config) {
            return new CartPole();
        }
    }

    /** {@code pendulum-v1}. */
    public static final class PendulumProvider implements EnvironmentProvider {
        @Override
        public String name() {
            return "pendulum-v1";
        }

        @Override
        public Environment create(Config config) {
            return new Pendulum();
        }
    }
}
