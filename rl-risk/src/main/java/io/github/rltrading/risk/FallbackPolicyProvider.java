package io.github.rltrading.risk;

import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.spi.PolicyProvider;

/** {@code policy: fallback}: another policy guarded by a rules fallback; see {@link FallbackPolicy}. */
public final class FallbackPolicyProvider implements PolicyProvider {

    @Override
    public String name() {
        return "fallback";
    }

    /** Below the defaults: it wraps another policy and is chosen only by name. */
    @Override
    public int rank() {
        return -10;
    }

    @Override
    public Policy create(Config config) {
        return FallbackPolicy.fromConfig(config, Plugins.load(Thread.currentThread().getContextClassLoader()));
    }
}
