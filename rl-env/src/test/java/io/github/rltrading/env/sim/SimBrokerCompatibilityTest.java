package io.github.rltrading.env.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.broker.testkit.BrokerCompatibilityKit;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.spi.Broker;
import io.github.rltrading.core.trading.Order;
import io.github.rltrading.core.trading.OrderRequest;
import io.github.rltrading.core.trading.OrderState;
import io.github.rltrading.core.trading.Side;

/** The simulated broker passes the broker compatibility kit. */
class SimBrokerCompatibilityTest extends BrokerCompatibilityKit {

    @Override
    protected Broker newBroker() {
        return new SimBroker(ExecutionModel.DEFAULT);
    }

    @Override
    protected Instrument instrument() {
        return ContractSpecs.MES;
    }

    @Override
    protected boolean reconnect(Broker broker) {
        SimBroker sim = (SimBroker) broker;
        sim.disconnect();
        Order whileDown = sim.submit(OrderRequest.market("while-down", instrument(), Side.BUY, 1));
        assertThat(whileDown.state()).isEqualTo(OrderState.REJECTED);
        assertThat(whileDown.reason()).contains("STOPPED");
        sim.connect();
        return true;
    }
}
