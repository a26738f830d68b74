package com.example.rlbroker;

import io.github.rltrading.broker.testkit.BrokerCompatibilityKit;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.spi.Broker;

/**
 * The whole compatibility test for a plug-in: extend the kit, say how to make a broker and what it
 * trades. {@code marketMoves} keeps its default ({@code broker.onBar(bar)}): this broker matches
 * against bars itself. An adapter for a live venue drives the venue's simulator there instead.
 */
class PaperBrokerCompatibilityTest extends BrokerCompatibilityKit {

    @Override
    protected Broker newBroker() {
        return new PaperBroker(0);
    }

    @Override
    protected Instrument instrument() {
        return ContractSpecs.MES;
    }

    /** No native brackets on this venue: the kit skips its bracket test and says so. */
    @Override
    protected boolean supportsBrackets() {
        return false;
    }
}
