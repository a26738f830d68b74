package io.github.rltrading.broker.nt8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.broker.nt8.protocol.ErrorCode;
import io.github.rltrading.broker.nt8.protocol.MessageType;
import io.github.rltrading.broker.nt8.protocol.Protocol;
import io.github.rltrading.broker.nt8.protocol.ProtocolException;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.MarketDataFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closed bars of one instrument and timeframe as NinjaTrader's strategy sends them, for a
 * {@link io.github.rltrading.core.TradingSession}. Bars come in strictly increasing end time; an
 * older or repeated bar (a strategy that reconnects and resends) is dropped with an error message.
 *
 * <p>The primary (shortest) feed of an instrument also answers the strategy's
 * {@code action_request}s: a request for a bar is answered once the session has finished with that
 * bar (it asks this feed for the next one), with the target position its orders aim at.
 */
public final class Nt8Feed implements MarketDataFeed {

    private static final Logger LOG = LoggerFactory.getLogger(Nt8Feed.class);
    /** Bars waiting for the session; beyond this the newest are refused (the session is too slow). */
    static final int CAPACITY = 100_000;

    private record Pending(Bar bar, boolean historical) {}

    private record ActionRequest(Connection connection, String id, Instant barEnd) {}

    private final Nt8Bridge bridge;
    private final Instrument instrument;
    private final Timeframe timeframe;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Deque<Pending> queue = new ArrayDeque<>();
    private final Deque<ActionRequest> requests = new ArrayDeque<>();
    private Instant lastOffered;
    private Instant lastDelivered;
    private boolean lastDeliveredHistorical;
    /** True from handing a bar to the session until it asks for the next one. */
    private boolean processing;
    private boolean finished;
    private long refused;
    private Instant decisionBar;
    private io.github.rltrading.core.decision.Decision decision;

    Nt8Feed(Nt8Bridge bridge, Instrument instrument, Timeframe timeframe) {
        this.bridge = bridge;
        this.instrument = instrument;
        this.timeframe = timeframe;
    }

    @Override
    public Instrument instrument() {
        return instrument;
    }

    @Override
    public Timeframe timeframe() {
        return timeframe;
    }

    /**
     * Whether the bar the session works on now came from history (the strategy's
     * {@code State.Historical}), not live: the session warms its features on it without deciding.
     */
    @Override
    public boolean isWarmingUp() {
        lock.lock();
        try {
            return lastDeliveredHistorical;
        } finally {
            lock.unlock();
        }
    }

    /** Bars refused so far because they were not newer than the last one or the queue was full. */
    public long refusedBars() {
        lock.lock();
        try {
            return refused;
        } finally {
            lock.unlock();
        }
    }

    void offer(Bar bar, boolean historical, String messageId) throws ProtocolException {
        lock.lock();
        try {
            if (finished) {
                return;
            }
            if (lastOffered != null && !bar.end().isAfter(lastOffered)) {
                refused++;
                throw new ProtocolException(ErrorCode.BAD_MESSAGE, "bar " + bar.symbol() + " " + timeframe + " ending " + bar.end()
                        + " is not after the last bar, ending " + lastOffered + "; dropped", messageId);
            }
            if (queue.size() >= CAPACITY) {
                refused++;
                throw new ProtocolException(ErrorCode.BAD_MESSAGE, "the session is " + CAPACITY + " bars behind; bar ending "
                        + bar.end() + " dropped", messageId);
            }
            lastOffered = bar.end();
            queue.addLast(new Pending(bar, historical));
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Remembers the session's decision so that the bar's {@code action_response} can carry it. */
    @Override
    public void onDecision(Instant barEnd, io.github.rltrading.core.decision.Decision value) {
        lock.lock();
        try {
            decisionBar = barEnd;
            decision = value;
        } finally {
            lock.unlock();
        }
    }

    void onActionRequest(Connection c, String id, Instant barEnd) {
        lock.lock();
        try {
            requests.addLast(new ActionRequest(c, id, barEnd));
        } finally {
            lock.unlock();
        }
        // The session may be waiting in next() already, done with that bar.
        answerDone();
    }

    /**
     * The next bar, waiting at most {@code timeout}. Calling it means the session is done with the
     * bar before, so the action requests for that bar are answered first.
     */
    @Override
    public Optional<Bar> next(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            processing = false;
        } finally {
            lock.unlock();
        }
        answerDone();
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (queue.isEmpty() && !finished) {
                if (nanos <= 0) {
                    return Optional.empty();
                }
                nanos = arrived.awaitNanos(nanos);
            }
            if (queue.isEmpty()) {
                return Optional.empty();
            }
            Pending p = queue.pollFirst();
            lastDelivered = p.bar().end();
            lastDeliveredHistorical = p.historical();
            processing = true;
            return Optional.of(p.bar());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Answers, in arrival order, the requests for bars the session has finished with: bars before
     * the last one handed out, or the last one once the session has come back for the next.
     */
    private void answerDone() {
        while (true) {
            ActionRequest r;
            lock.lock();
            try {
                r = requests.peekFirst();
                if (r == null || lastDelivered == null || r.barEnd().isAfter(lastDelivered)
                        || (r.barEnd().equals(lastDelivered) && processing)) {
                    return;
                }
                requests.pollFirst();
            } finally {
                lock.unlock();
            }
            respond(r);
        }
    }

    private void respond(ActionRequest r) {
        ObjectNode reply = Protocol.message(MessageType.ACTION_RESPONSE);
        reply.put("id", r.id());
        reply.put("instrument", instrument.symbol());
        reply.put("barEnd", r.barEnd().toString());
        io.github.rltrading.core.decision.Decision d;
        lock.lock();
        try {
            d = r.barEnd().equals(decisionBar) ? decision : null;
        } finally {
            lock.unlock();
        }
        // The decision itself (what the policy and the reasoner wanted), as a fraction of the
        // maximum position; targetPosition below is what the orders aim at after the risk chain.
        reply.put("decided", d != null);
        if (d != null) {
            reply.put("decisionTarget", d.targetPosition());
            reply.put("confidence", d.confidence());
            reply.put("rationale", d.rationale());
        } else {
            reply.putNull("decisionTarget");
            reply.putNull("confidence");
            reply.put("rationale", "");
        }
        Nt8Broker broker = bridge.brokerIfPresent(instrument.symbol());
        if (broker != null) {
            broker.describeTarget(reply);
        }
        if (d != null && !d.source().isEmpty()) {
            reply.put("source", d.source());
        }
        if (!r.connection().send(reply)) {
            LOG.debug("action_response {} not sent: connection closed", r.id());
        }
    }

    void bridgeClosed() {
        lock.lock();
        try {
            finished = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isFinished() {
        lock.lock();
        try {
            return finished && queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the feed: {@link #isFinished()} once the queued bars are taken. */
    @Override
    public void close() {
        bridgeClosed();
        bridge.release(this);
        afterClose.run();
    }

    /** Run once after close: the providers release their shared bridge with it. */
    private final SharedBridges.OnClose afterClose = new SharedBridges.OnClose();

    void afterClose(Runnable hook) {
        afterClose.set(hook);
    }
}
