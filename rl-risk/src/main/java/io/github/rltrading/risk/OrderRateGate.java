package io.github.rltrading.risk;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import java.time.Duration;
import java.util.Map;

/**
 * {@code order-rate}: a brake on a runaway loop. Once {@code max-orders} position changes went out
 * within the sliding {@code window}, new risk is refused until the oldest leaves the window. Every
 * accepted change counts; exits always pass.
 *
 * <pre>{@code
 * order-rate:
 *   max-orders: 6
 *   window: 1m        # 500ms, 30s, 1m, 1h
 * }</pre>
 */
public final class OrderRateGate extends LimitGate<OrderRateGate.Settings> {

    /** Parsed limits. */
    record Settings(int maxOrders, Duration window) implements LimitGate.Limits {
        @Override
        public Map<String, Object> describe() {
            return Map.of("max-orders", maxOrders, "window", window.toString());
        }
    }

    /** Times (epoch millis) of accepted changes, a ring as large as the biggest limit seen. */
    private long[] times = new long[16];
    private int start;
    private int count;

    public OrderRateGate(Config settings) {
        super("order-rate", settings, OrderRateGate::parse);
    }

    private static Settings parse(ConfigValidator v) {
        return new Settings(v.intValue("max-orders", 6, 1, 1_000_000), v.positiveDuration("window", Duration.ofMinutes(1)));
    }

    private int recent(long now, long windowMillis) {
        while (count > 0 && times[start] <= now - windowMillis) {
            start = (start + 1) % times.length;
            count--;
        }
        return count;
    }

    @Override
    public RiskVerdict evaluate(TradeProposal p, RiskContext context) {
        Settings s = current();
        int n = recent(context.time().toEpochMilli(), s.window().toMillis());
        if (n < s.maxOrders() || !p.increasesRisk()) {
            return approve();
        }
        return RiskVerdict.reject(name(), n + " orders in the last " + s.window().toSeconds() + " s reached the limit "
                + s.maxOrders() + "; new risk waits, exits still pass",
                Map.of("orders", (double) n, "maxOrders", (double) s.maxOrders()));
    }

    @Override
    public void onAccepted(TradeProposal accepted, RiskContext context) {
        long now = context.time().toEpochMilli();
        recent(now, current().window().toMillis());
        if (count == times.length) {
            long[] bigger = new long[times.length * 2];
            for (int i = 0; i < count; i++) {
                bigger[i] = times[(start + i) % times.length];
            }
            times = bigger;
            start = 0;
        }
        times[(start + count) % times.length] = now;
        count++;
    }

    @Override
    public void reset() {
        start = 0;
        count = 0;
    }
}
