package io.github.rltrading.core;

import io.github.rltrading.core.ComponentState;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.Broker;
import io.github.rltrading.core.spi.BrokerListener;
import io.github.rltrading.core.spi.FeatureSet;
import io.github.rltrading.core.spi.MarketDataFeed;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.trading.Fill;
import io.github.rltrading.core.trading.Order;
import io.github.rltrading.core.trading.OrderRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;

/** Small, deterministic implementations of the SPIs for session tests. */
final class SessionFixtures {

    static final Instant T0 = Instant.parse("2020-01-02T14:31:00Z");

    private SessionFixtures() {}

    /** {@code n} one-minute bars: bar i opens at 100 + i, closes at 100.5 + i. */
    static List<Bar> risingBars(String symbol, int n) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double open = 100 + i;
            bars.add(new Bar(symbol, Timeframe.M1, T0.plusSeconds(60L * i), open, open + 1, open - 0.5, open + 0.5, 10));
        }
        return bars;
    }

    /** Replays a list of bars. */
    static final class ListFeed implements MarketDataFeed {
        private final Instrument instrument;
        private final List<Bar> bars;
        private int next;

        ListFeed(Instrument instrument, List<Bar> bars) {
            this.instrument = instrument;
            this.bars = bars;
        }

        @Override
        public Instrument instrument() {
            return instrument;
        }

        @Override
        public Timeframe timeframe() {
            return Timeframe.M1;
        }

        @Override
        public Optional<Bar> next(Duration timeout) {
            return next < bars.size() ? Optional.of(bars.get(next++)) : Optional.empty();
        }

        @Override
        public boolean isFinished() {
            return next >= bars.size();
        }
    }

    /** One feature: the bar index, so tests can script policies by bar. */
    static class IndexFeature implements FeatureSet {
        @Override
        public List<String> names() {
            return List.of("index");
        }

        @Override
        public int warmUpBars() {
            return 0;
        }

        @Override
        public void compute(BarSeries series, int index, float[] out, int offset) {
            out[offset] = index;
        }
    }

    /** Decides a target by bar index with a fixed confidence. */
    static Policy scripted(IntToDoubleFunction targetByBar, double confidence) {
        return (Observation o) -> Decision.target(targetByBar.applyAsDouble((int) o.features()[0]), confidence,
                "scripted", "test-policy");
    }

    /**
     * Fills every working market order at the next bar's open, with the instrument's commission.
     * Optionally rejects orders.
     */
    static class NextOpenBroker implements Broker {
        final List<OrderRequest> submitted = new ArrayList<>();
        final List<Fill> fills = new ArrayList<>();
        final Map<String, Order> working = new LinkedHashMap<>();
        final Map<String, Double> positions = new LinkedHashMap<>();
        private BrokerListener listener;
        private ComponentState state = ComponentState.NEW;
        boolean rejectAll;

        @Override
        public void connect() {
            state = ComponentState.RUNNING;
        }

        @Override
        public ComponentState state() {
            return state;
        }

        @Override
        public void setListener(BrokerListener listener) {
            this.listener = listener;
        }

        @Override
        public Order submit(OrderRequest request) {
            submitted.add(request);
            Order order = Order.create(request, T0);
            if (rejectAll) {
                return order.reject("test broker rejects everything", T0);
            }
            order = order.submit("b-" + submitted.size(), T0);
            working.put(request.clientOrderId(), order);
            return order;
        }

        @Override
        public void cancel(String clientOrderId) {
            Order o = working.remove(clientOrderId);
            if (o != null) {
                listener.onOrderUpdate(o.cancel("cancelled", T0));
            }
        }

        @Override
        public List<Order> openOrders() {
            return List.copyOf(working.values());
        }

        @Override
        public Map<String, Double> positions() {
            return Map.copyOf(positions);
        }

        @Override
        public void onBar(Bar bar) {
            for (Order o : List.copyOf(working.values())) {
                OrderRequest r = o.request();
                double commission = r.instrument().commission().commission(r.quantity(), bar.open(),
                        r.instrument().pointValue());
                Fill fill = new Fill(r.clientOrderId(), r.instrument(), r.side(), r.quantity(), bar.open(), commission,
                        bar.start());
                positions.merge(r.instrument().symbol(), r.signedQuantity(), Double::sum);
                working.remove(r.clientOrderId());
                fills.add(fill);
                listener.onFill(fill);
                listener.onOrderUpdate(o.fill(r.quantity(), bar.open(), bar.start()));
            }
        }

        @Override
        public void close() {
            state = ComponentState.CLOSED;
        }
    }
}
