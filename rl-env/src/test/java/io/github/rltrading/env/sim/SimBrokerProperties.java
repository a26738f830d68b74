package io.github.rltrading.env.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.broker.testkit.RecordingListener;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.CommissionModel;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.trading.Bracket;
import io.github.rltrading.core.trading.Fill;
import io.github.rltrading.core.trading.Order;
import io.github.rltrading.core.trading.OrderRequest;
import io.github.rltrading.core.trading.OrderType;
import io.github.rltrading.core.trading.Side;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random orders against random bars: the simulated broker keeps its accounting and the broker
 * contract whatever happens.
 */
class SimBrokerProperties {

    static final Instrument ES = ContractSpecs.ES.withCommission(CommissionModel.perUnit(2.25, 0));

    @Property(tries = 300)
    void positionsAreTheSumOfFillsAndFillsRespectTheBarsAndTheContract(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        SimBroker broker = new SimBroker(new ExecutionModel(Slippage.fixedTicks(r.nextInt(0, 3)), true));
        RecordingListener listener = new RecordingListener();
        broker.setListener(listener);
        broker.connect();
        Map<String, Long> submittedAt = new HashMap<>();
        Map<String, OrderType> types = new HashMap<>();
        Map<Long, Bar> barsByEnd = new HashMap<>();
        Instant t = Instant.parse("2024-01-02T14:31:00Z");
        double price = 4000;
        int id = 0;
        for (int step = 0; step < 60; step++) {
            for (int k = r.nextInt(0, 3); k > 0; k--) {
                Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
                int qty = r.nextInt(1, 4);
                double level = price + r.nextInt(-12, 13) * 0.25;
                String cid = "o" + (++id);
                OrderRequest.Builder b = OrderRequest.builder(cid, ES, side, qty);
                switch (r.nextInt(4)) {
                    case 0 -> { }
                    case 1 -> b.limit(level);
                    case 2 -> b.stop(level);
                    default -> b.bracket(side == Side.BUY ? Bracket.of(price - 2, price + 2) : Bracket.of(price + 2, price - 2));
                }
                OrderRequest request = b.build();
                types.put(cid, request.type());
                Order o = broker.submit(request);
                listener.submitted(o);
                submittedAt.put(cid, t.toEpochMilli());
            }
            if (r.nextInt(5) == 0 && !broker.openOrders().isEmpty()) {
                broker.cancel(broker.openOrders().get(0).clientOrderId());
            }
            double o = price;
            double c = Math.max(1, o + r.nextInt(-8, 9) * 0.25);
            Bar bar = new Bar("ES", Timeframe.M1, t.plusSeconds(60), o, Math.max(o, c) + r.nextInt(0, 6) * 0.25,
                    Math.min(o, c) - r.nextInt(0, 6) * 0.25, c, 1000);
            t = bar.end();
            barsByEnd.put(t.toEpochMilli(), bar);
            broker.onBar(bar);
            price = c;
        }
        double signed = 0;
        for (Fill f : listener.fills()) {
            signed += f.side() == Side.BUY ? f.quantity() : -f.quantity();
            assertThat(ES.isOnTickGrid(f.price())).as("fill price %s on the tick grid", f.price()).isTrue();
            Long submitted = submittedAt.get(f.clientOrderId().replaceAll("-(sl|tp)$", ""));
            assertThat(submitted).isNotNull();
            assertThat(f.time().toEpochMilli()).as("no fill before its order existed").isGreaterThanOrEqualTo(submitted);
            // Market orders fill at a bar's open (time = its start); triggered orders inside it (time = its end).
            boolean atOpen = types.get(f.clientOrderId()) == OrderType.MARKET;
            Bar bar = barsByEnd.get(f.time().toEpochMilli() + (atOpen ? 60_000L : 0L));
            assertThat(bar).as("a fill belongs to a bar").isNotNull();
            assertThat(f.price()).as("a fill within the bar's range, give or take slippage")
                    .isBetween(bar.low() - 3 * 0.25, bar.high() + 3 * 0.25);
        }
        assertThat(broker.position("ES")).isEqualTo(signed);
        assertThat(listener.violations()).isEmpty();
        for (Order open : broker.openOrders()) {
            assertThat(open.state().isWorking()).isTrue();
            assertThat(open.request().type()).isIn(OrderType.LIMIT, OrderType.STOP, OrderType.STOP_LIMIT, OrderType.MARKET);
        }
    }
}
