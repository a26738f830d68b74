package io.github.rltrading.broker.nt8;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.broker.testkit.BrokerCompatibilityKit;
import io.github.rltrading.core.ComponentState;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.spi.Broker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * {@link Nt8Broker} passes the broker compatibility kit over a real socket, against a Java client
 * that speaks the protocol and executes on the simulated broker ({@link FakeStrategy}).
 */
class Nt8BrokerCompatibilityTest extends BrokerCompatibilityKit {

    private final List<Nt8Bridge> bridges = new ArrayList<>();
    private final List<FakeStrategy> strategies = new ArrayList<>();

    @Override
    protected Broker newBroker() {
        Nt8Bridge bridge = Nt8Bridge.builder().port(0).build().start();
        bridges.add(bridge);
        FakeStrategy strategy = new FakeStrategy(bridge.port(), instrument(), "MES 12-26");
        strategies.add(strategy);
        unchecked(strategy::connect);
        return bridge.broker(instrument()).connectTimeout(Duration.ofSeconds(5));
    }

    @Override
    protected Instrument instrument() {
        return ContractSpecs.MES;
    }

    @Override
    protected void marketMoves(Broker broker, Bar bar) {
        strategyOf(broker).publish(bar, false);
    }

    @Override
    protected void settle(Broker broker) {
        ((Nt8Broker) broker).ping();
    }

    @Override
    protected boolean reconnect(Broker broker) {
        Nt8Broker nt8 = (Nt8Broker) broker;
        FakeStrategy strategy = strategyOf(broker);
        long syncs = nt8.syncCount();
        unchecked(() -> {
            strategy.disconnect();
            waitFor(() -> nt8.state() == ComponentState.STOPPED, "the broker to notice the disconnect");
            strategy.connect();
        });
        waitFor(() -> nt8.syncCount() > syncs, "the resync after the reconnect");
        assertThat(nt8.state()).isEqualTo(ComponentState.RUNNING);
        return true;
    }

    private FakeStrategy strategyOf(Broker broker) {
        int i = bridges.indexOf(((Nt8Broker) broker).bridge());
        return strategies.get(i);
    }

    /** Socket work that may throw, from methods of the kit that cannot. */
    interface SocketStep {
        void run() throws IOException, InterruptedException;
    }

    private static void unchecked(SocketStep step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition, String what) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @AfterEach
    void closeBridges() throws IOException {
        for (FakeStrategy s : strategies) {
            s.close();
        }
        for (Nt8Bridge b : bridges) {
            b.close();
        }
    }
}
