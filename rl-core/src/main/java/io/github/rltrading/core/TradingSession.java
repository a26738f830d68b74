package io.github.rltrading.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.Assessment;
import io.github.rltrading.core.trading.Bracket;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.decision.ReasoningRequest;
import io.github.rltrading.core.decision.Reflection;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.journal.EventType;
import io.github.rltrading.core.journal.Journal;
import io.github.rltrading.core.journal.JournalDetail;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.Alert;
import io.github.rltrading.core.spi.AlertSink;
import io.github.rltrading.core.spi.Broker;
import io.github.rltrading.core.spi.BrokerListener;
import io.github.rltrading.core.spi.FeatureSet;
import io.github.rltrading.core.spi.MarketDataFeed;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.spi.Reasoner;
import io.github.rltrading.core.spi.RiskGate;
import io.github.rltrading.core.trading.ClosedTrade;
import io.github.rltrading.core.trading.Fill;
import io.github.rltrading.core.trading.Order;
import io.github.rltrading.core.trading.OrderRequest;
import io.github.rltrading.core.trading.OrderState;
import io.github.rltrading.core.trading.Portfolio;
import io.github.rltrading.core.util.IsoTime;
import io.github.rltrading.core.util.Require;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision loop, the same for backtest, paper and live trading:
 *
 * <pre>
 * feed ─bar─▶ broker.onBar (simulated fills) ─▶ portfolio ─▶ features ─▶ policy ─▶ decision gate
 *      (─▶ reasoner, with a deadline) ─▶ risk chain ─▶ order planner ─▶ broker ─▶ journal
 * </pre>
 *
 * Only the components differ between a replay and live trading; there is no "if live" here.
 *
 * <pre>{@code
 * try (TradingSession session = TradingSession.builder()
 *         .instrument(ContractSpecs.ES)
 *         .feed(feed).features(features).policy(policy)
 *         .riskGates(List.of(maxPosition, killSwitch))
 *         .broker(broker).startingCash(100_000).maxPosition(2)
 *         .journal(journal).clock(Clock.systemUTC())
 *         .build()) {
 *     SessionResult result = session.run();
 *     System.out.println(result.metrics(98_280).summary());
 * }
 * }</pre>
 *
 * <p>Threading: the loop runs on the thread that calls {@link #run()} (or {@link #onBar}). Broker
 * events may arrive on any thread; they are queued and applied on the loop thread, so the portfolio
 * is only ever touched by one thread. A reasoner runs on a virtual thread and is abandoned at its
 * deadline.
 */
public final class TradingSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TradingSession.class);
    private static final String SOURCE = "session";
    /** Observations up to this many features are journalled in full with each decision. */
    private static final int MAX_JOURNALLED_FEATURES = 64;
    /** Recent bars a reasoner is shown (a copy, so it never races the loop). */
    /** Reflections allowed in flight before the oldest is dropped. */
    static final int MAX_PENDING_REFLECTIONS = 32;

    private final String sessionId;
    private final Instrument instrument;
    private final MarketDataFeed feed;
    private final FeatureSet features;
    private final Policy policy;
    private final DecisionGate gate;
    private final Reasoner reasoner;
    private final RiskChain riskChain;
    private final RiskChain.Evaluation riskScratch;
    private final OrderPlanner planner;
    private final Broker broker;
    private final Portfolio portfolio;
    private final Journal journal;
    private final boolean journalAllBars;
    private final Clock clock;
    private final AlertSink alerts;
    private final double maxPosition;
    private final double quantityStep;
    private final Duration pollTimeout;
    private final boolean closeComponents;
    private final List<SessionHook> hooks;

    private final BarSeries history;
    private final Queue<Object> brokerEvents = new ConcurrentLinkedQueue<>();
    private final Map<String, Order> workingOrders = new LinkedHashMap<>();
    /**
     * Client ids of the orders this session sent. Orders the broker opened itself (a bracket's
     * stop-loss and take-profit) only protect a position: they must not count as the session's
     * pending trades, or a long position with both exits working would look flat or short.
     */
    private final java.util.Set<String> ownOrderIds = new java.util.HashSet<>();
    private final EquityRecorder recorder;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final ExecutorService reasonerThreads;
    private final List<Future<Reflection>> pendingReflections = new ArrayList<>();

    /** The reasoner's assessment behind the decision being processed, or null. Loop thread only. */
    private Assessment lastAssessment;
    /** The last decision after the gate, and the bar it was made on; read by state snapshots and monitors. */
    private volatile Decision lastDecision;
    private volatile Instant lastDecisionBar;
    /** Bars the feed marked as warm-up history: features computed, no decision. */
    private long warmUpBars;
    private int barsInPosition;
    private double lastQuantity;
    private int reasonerFailures;
    private Instant reasonerSkippedUntil;
    private long droppedReflections;
    private volatile ComponentState state = ComponentState.NEW;
    private volatile boolean stopRequested;
    private long orderCounter;
    private int tradesSeen;
    private long decisions;
    private long decisionsNotJournalled;
    private long errors;

    private TradingSession(Builder b) {
        this.sessionId = b.sessionId;
        this.instrument = Objects.requireNonNull(b.instrument, "instrument (set it with .instrument(..))");
        this.feed = b.feed;
        this.features = Objects.requireNonNull(b.features, "features (set it with .features(..))");
        this.policy = Objects.requireNonNull(b.policy, "policy (set it with .policy(..))");
        this.gate = b.gate;
        this.reasoner = b.reasoner;
        this.riskChain = RiskChain.of(b.riskGates);
        this.riskScratch = riskChain.newEvaluation();
        this.planner = b.planner;
        this.broker = Objects.requireNonNull(b.broker, "broker (set it with .broker(..))");
        this.portfolio = b.portfolio != null ? b.portfolio : new Portfolio(b.startingCash, instrument.currency());
        this.journal = b.journal;
        this.journalAllBars = b.journalDetail == JournalDetail.ALL;
        this.clock = b.clock;
        this.alerts = b.alerts;
        this.maxPosition = b.maxPosition;
        this.quantityStep = b.quantityStep;
        this.pollTimeout = b.pollTimeout;
        this.closeComponents = b.closeComponents;
        this.hooks = List.copyOf(b.hooks);
        // A replay says how many bars it holds: history and records are sized once instead of grown.
        int expectedBars = b.feed == null ? 0 : Math.min(b.feed.expectedBars().orElse(0), 50_000_000);
        this.history = new BarSeries(instrument.symbol(),
                b.timeframe != null ? b.timeframe : b.feed != null ? b.feed.timeframe() : Timeframe.M1,
                Math.max(4096, expectedBars));
        this.recorder = new EquityRecorder(Math.max(1024, expectedBars));
        this.reasonerThreads = reasoner == null ? null : Executors.newVirtualThreadPerTaskExecutor();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder with every component chosen by name from {@code config} through {@code plugins}:
     * {@code feed}, {@code features}, {@code policy}, {@code broker}, the optional {@code reasoner},
     * {@code riskGates} and {@code alerts}, plus the settings of {@link SessionConfig}. An optional
     * {@code journal: {directory: runs/journal}} opens a JSON Lines journal. The session owns and
     * closes what this creates. Change anything on the returned builder before {@code build()}.
     *
     * <pre>{@code
     * Config config = ConfigLoader.load(Path.of("session.yaml"));
     * try (TradingSession session = TradingSession.fromConfig(config, Plugins.load()).build()) {
     *     session.run();
     * }
     * }</pre>
     *
     * @throws io.github.rltrading.core.config.ConfigException listing every settings problem
     * @throws PluginException if a named component is missing or cannot be created
     */
    public static Builder fromConfig(Config config, Plugins plugins) {
        SessionConfig settings = SessionConfig.from(config, null);
        Builder b = builder()
                .sessionId(settings.sessionId())
                .instrument(settings.instrument())
                .startingCash(settings.startingCash())
                .maxPosition(settings.maxPosition())
                .quantityStep(settings.quantityStep())
                .decisionGate(settings.decisionGate())
                .orderPlanner(settings.orderPlanner())
                .closeComponents(true);
        // If a later component fails, close the ones already created (in reverse) before rethrowing,
        // so a failed composition leaves no open sockets, model handles or files behind.
        List<AutoCloseable> created = new ArrayList<>();
        try {
            b.riskGates(plugins.riskGates(settings.riskGates(), config));
            List<AlertSink> sinks = plugins.alertSinks(settings.alertSinks(), config);
            created.addAll(sinks);
            b.alerts(sinks.size() == 1 ? sinks.get(0) : fanOut(sinks));
            b.features(plugins.features(config));
            b.policy(track(created, plugins.policy(config)));
            if (config.has(PluginKind.REASONER.key())) {
                b.reasoner(track(created, plugins.reasoner(config)));
            }
            b.feed(track(created, plugins.feed(config)));
            b.broker(track(created, plugins.broker(config)));
            if (config.has("journal.directory")) {
                b.journalDetail(JournalDetail.parse(config.getString("journal.detail", "all")));
                b.journal(track(created, Journal.jsonLines(java.nio.file.Path.of(config.getString("journal.directory", "journal"))).open()));
            }
        } catch (RuntimeException e) {
            for (int i = created.size() - 1; i >= 0; i--) {
                try {
                    created.get(i).close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        return b;
    }

    public String sessionId() {
        return sessionId;
    }

    public ComponentState state() {
        return state;
    }

    /** The account; read it from the loop thread or after {@link #run()} returns. */
    public Portfolio portfolio() {
        return portfolio;
    }

    /** Primary bars seen so far. */
    public BarSeries history() {
        return history;
    }

    /** The last decision (after the decision gate), or empty before the first. Safe from any thread. */
    public java.util.Optional<Decision> lastDecision() {
        return java.util.Optional.ofNullable(lastDecision);
    }

    /** The end of the bar the last decision was made on, or null before the first. */
    public Instant lastDecisionBar() {
        return lastDecisionBar;
    }

    /** The risk gates, in chain order. Touch their state only from the loop thread. */
    public List<RiskGate> riskGates() {
        return riskChain.gates();
    }

    /** The broker the session trades through. */
    public Broker broker() {
        return broker;
    }

    /**
     * Connects the broker and journals the start. Called by {@link #run()}; call it yourself when
     * you drive the session bar by bar with {@link #onBar}.
     */
    public synchronized void start() {
        if (state != ComponentState.NEW) {
            throw new IllegalStateException("session " + sessionId + " cannot start from state " + state);
        }
        broker.setListener(new QueueingListener());
        broker.connect();
        riskChain.reset();
        state = ComponentState.RUNNING;
        ObjectNode data = json.createObjectNode()
                .put("sessionId", sessionId)
                .put("instrument", instrument.symbol())
                .put("timeframe", history.timeframe().toString())
                .put("startingCash", portfolio.startingCash())
                .put("maxPosition", maxPosition)
                .put("quantityStep", quantityStep)
                .put("reasoner", reasoner == null ? "none" : reasoner.getClass().getName());
        var gateNames = data.putArray("riskGates");
        riskChain.gates().forEach(g -> gateNames.add(g.name()));
        data.putObject("decisionGate")
                .put("fastPath", gate.fastPath())
                .put("floor", gate.floor())
                .put("deadlineMillis", gate.deadline().toMillis())
                .put("minCombined", gate.minCombined())
                .put("policyWeight", gate.policyWeight())
                .put("maxFailures", gate.maxFailures())
                .put("coolOffMillis", gate.coolOff().toMillis());
        journal(EventType.SESSION_START, data);
        LOG.info("session {} started: {} max position {} with {} risk gate(s)", sessionId, instrument.symbol(),
                maxPosition, riskChain.gates().size());
    }

    /**
     * Runs until the feed is finished or {@link #stop()} is called, then finishes the session and
     * returns its result. The calling thread becomes the loop thread.
     */
    public SessionResult run() {
        if (feed == null) {
            throw new IllegalStateException("session " + sessionId + " has no feed; use .feed(..) or drive it with onBar()");
        }
        start();
        try {
            runHooks(HookPoint.STARTED);
            while (!stopRequested && !feed.isFinished()) {
                Optional<Bar> bar = feed.next(pollTimeout);
                drainBrokerEvents();
                bar.ifPresent(this::onBar);
                runHooks(HookPoint.AFTER_POLL);
            }
            runHooks(HookPoint.FINISHING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("session {} interrupted; finishing", sessionId);
        } catch (RuntimeException e) {
            state = ComponentState.FAILED;
            error("session loop failed", e);
            throw e;
        }
        return finish();
    }

    /** Where in {@link #run()} the hooks are called. */
    private enum HookPoint { STARTED, AFTER_POLL, FINISHING }

    /** Runs every hook at {@code point}; a throwing hook is reported and the others still run. */
    private void runHooks(HookPoint point) {
        for (SessionHook hook : hooks) {
            try {
                switch (point) {
                    case STARTED -> hook.started(this);
                    case AFTER_POLL -> hook.afterPoll(this);
                    case FINISHING -> hook.finishing(this);
                }
            } catch (RuntimeException e) {
                error("session hook " + hook.getClass().getName() + " failed", e);
            }
        }
    }

    /** Asks {@link #run()} to return after the bar in progress. Safe from any thread. */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Processes one closed bar: simulated fills, marks, features, decision, risk, orders. Bars must
     * come in increasing time; an out-of-order or invalid bar is journalled as an error and skipped.
     */
    public void onBar(Bar bar) {
        if (state != ComponentState.RUNNING) {
            throw new IllegalStateException("session " + sessionId + " is " + state + "; call start() first");
        }
        try {
            history.append(bar);
        } catch (IllegalArgumentException e) {
            error("bar skipped", e);
            return;
        }
        if (journalAllBars && journal.isEnabled()) {
            journalBar(bar);
        }

        // Orders decided on earlier bars fill now, against this bar (never the bar that produced them).
        broker.onBar(bar);
        drainBrokerEvents();
        portfolio.mark(instrument.symbol(), bar.close());
        trackBarsInPosition(portfolio.quantity(instrument.symbol()));

        boolean forcedExit = !riskChain.isEmpty() && enforceRiskDemands(bar);
        if (!forcedExit && history.size() > features.warmUpBars()) {
            decide(bar);
        }
        recorder.record(bar.end().toEpochMilli(), portfolio.equity(), portfolio.quantity(instrument.symbol()),
                portfolio.tradedNotional());
    }

    /** Counts bars held since the position was opened or reversed (the fill's bar is the first). */
    private void trackBarsInPosition(double quantity) {
        if (quantity == 0) {
            barsInPosition = 0;
        } else if (Math.signum(quantity) != Math.signum(lastQuantity)) {
            barsInPosition = 1;
        } else {
            barsInPosition++;
        }
        lastQuantity = quantity;
    }

    /**
     * Shows the risk gates the bar; when one demands an exit (a daily loss breaker with flatten, the
     * close of trading hours, a trailing stop, the kill switch), moves there without asking the
     * policy. Returns whether it did.
     */
    private boolean enforceRiskDemands(Bar bar) {
        double currentQty = portfolio.quantity(instrument.symbol());
        double effectiveQty = currentQty + workingQuantity();
        RiskContext context = new RiskContext(bar.end(), portfolio.snapshot(bar.end()), history);
        RiskVerdict demand = riskChain.onBar(context, effectiveQty);
        if (demand == null) {
            return false;
        }
        double target = snapToward(demand.approvedQuantity(), effectiveQty);
        if (Math.abs(target - effectiveQty) < 1e-9) {
            return false;
        }
        ObjectNode v = json.valueToTree(demand);
        v.put("barTime", bar.end().toString()).put("forced", true).put("fromQuantity", effectiveQty);
        journal(EventType.RISK_VERDICT, v);
        alert(Alert.Severity.WARNING, "risk gate " + demand.gate() + " moves the position from " + effectiveQty
                + " to " + target + ": " + demand.reason());
        Decision exit = new Decision(new io.github.rltrading.core.decision.Action.Continuous(new float[] {0f}),
                Math.max(-1.0, Math.min(1.0, target / maxPosition)), 1.0, demand.reason(), "risk:" + demand.gate());
        TradeProposal proposal = new TradeProposal(instrument, bar.end(), effectiveQty, target, bar.close(), exit);
        cancelProtectionIfSuperseded(effectiveQty, target);
        for (OrderRequest request : planner.plan(new OrderPlanner.Request(instrument, bar.end(), effectiveQty,
                target, bar.close(), exit, this::nextOrderId))) {
            submit(request, bar.end());
        }
        riskChain.accepted(proposal, context);
        return true;
    }

    /**
     * When the session itself reduces, closes or reverses the position, the stop-loss and
     * take-profit the broker holds for it (orders this session did not send) protect a position
     * that is about to change: cancel them first. Otherwise a stop that fills on the same bar as
     * the session's reversal would close the old position and the reversal, sized for it, would
     * overshoot (long 1, stop hit, then "sell 2" leaves short 2 where short 1 was meant).
     */
    private void cancelProtectionIfSuperseded(double current, double target) {
        boolean reducesOrReverses = Math.abs(target) < Math.abs(current) - 1e-9
                || Math.signum(target) * Math.signum(current) < 0;
        if (!reducesOrReverses) {
            return;
        }
        for (Order o : List.copyOf(workingOrders.values())) {
            if (!ownOrderIds.contains(o.clientOrderId()) && o.request().instrument().symbol().equals(instrument.symbol())) {
                try {
                    broker.cancel(o.clientOrderId());
                } catch (RuntimeException e) {
                    error("could not cancel protective order " + o.clientOrderId(), e);
                }
            }
        }
        drainBrokerEvents();
    }

    /**
     * Changes one risk gate's limits while the session runs: validated and applied at once (an
     * invalid change throws and the old limits stay), and journaled as a {@code risk_limits} event,
     * applied or refused, from the session's loop thread.
     *
     * @throws IllegalArgumentException when the session has no gate of that name
     * @throws io.github.rltrading.core.config.ConfigException when the new limits are invalid
     * @throws UnsupportedOperationException when the gate's limits cannot change while it runs
     */
    public void updateRiskLimits(String gateName, io.github.rltrading.core.config.Config settings) {
        Objects.requireNonNull(settings, "settings");
        try {
            riskChain.reconfigure(gateName, settings);
        } catch (RuntimeException e) {
            brokerEvents.add(new LimitChange(gateName, settings.toMap(), Map.of(), e.getMessage()));
            throw e;
        }
        Map<String, Object> now = riskChain.gate(gateName).map(io.github.rltrading.core.spi.RiskGate::limits)
                .orElse(Map.of());
        brokerEvents.add(new LimitChange(gateName, settings.toMap(), now, null));
        if (state != ComponentState.RUNNING) {
            drainLimitChanges();
        }
        LOG.info("session {}: risk gate {} limits changed to {}", sessionId, gateName, now);
    }

    /** A risk-limit change waiting to be journaled on the loop thread; {@code refusal} null when applied. */
    private record LimitChange(String gate, Map<String, Object> requested, Map<String, Object> inForce,
                               String refusal) {}

    private void drainLimitChanges() {
        brokerEvents.removeIf(e -> {
            if (e instanceof LimitChange c) {
                journalLimitChange(c);
                return true;
            }
            return false;
        });
    }

    private void journalLimitChange(LimitChange c) {
        ObjectNode n = json.createObjectNode().put("gate", c.gate()).put("applied", c.refusal() == null);
        n.set("requested", json.valueToTree(c.requested()));
        if (c.refusal() == null) {
            n.set("limits", json.valueToTree(c.inForce()));
        } else {
            n.put("reason", c.refusal());
        }
        journal(EventType.RISK_LIMITS, n);
    }

    private void decide(Bar bar) {
        double currentQty = portfolio.quantity(instrument.symbol());
        double positionFraction = Math.max(-1.0, Math.min(1.0, currentQty / maxPosition));
        float[] row = new float[features.size()];
        try {
            features.compute(history, history.size() - 1, row, 0);
        } catch (RuntimeException e) {
            decisions++;
            error("features failed; keeping the position", e);
            return;
        }
        // A row with an undefined feature (still warming up, or undefined here, e.g. outside the
        // session) is not shown to the policy, as it is never shown to an agent in training: no
        // decision on this bar, the position stays.
        for (float f : row) {
            if (Float.isNaN(f)) {
                return;
            }
        }
        if (feed != null && feed.isWarmingUp()) {
            warmUpBars++;
            return; // history replayed to warm the features up: no decision, no order
        }
        decisions++;
        io.github.rltrading.core.trading.Position held = portfolio.position(instrument.symbol());
        Observation observation = new Observation(bar.end(), row, positionFraction, new Observation.PositionState(
                currentQty, currentQty == 0 || held == null ? Double.NaN : held.averagePrice(), bar.close(), barsInPosition));

        Decision decision;
        try {
            decision = Objects.requireNonNull(policy.decide(observation), "policy returned null");
        } catch (RuntimeException e) {
            // Fail closed: no decision means no change.
            error("policy failed; keeping the position", e);
            return;
        }
        double effectiveQty = currentQty + workingQuantity();
        double effectiveFraction = Math.max(-1.0, Math.min(1.0, effectiveQty / maxPosition));
        DecisionGate.Route route = gate.route(decision.confidence());
        lastAssessment = null;
        // Nothing to assess when the policy keeps the position: the reasoner is asked about changes only.
        boolean changes = Math.abs(toQuantity(decision.targetPosition()) - effectiveQty) >= 1e-9;
        Decision gated = route == DecisionGate.Route.REASONER && reasoner != null && changes && !reasonerCoolingOff()
                ? consultReasoner(decision, effectiveQty, effectiveFraction, bar, row)
                : gate.withoutReasoner(decision, effectiveFraction);

        lastDecision = gated;
        lastDecisionBar = bar.end();
        if (feed != null) {
            try {
                feed.onDecision(bar.end(), gated);
            } catch (RuntimeException e) {
                error("feed failed to take the decision", e);
            }
        }
        double targetQty = toQuantity(gated.targetPosition());
        if (journal.isEnabled()) {
            if (journalAllBars || gated != decision || route == DecisionGate.Route.REASONER
                    || Math.abs(targetQty - effectiveQty) >= 1e-9) {
                journalDecision(bar, route, positionFraction, effectiveQty - currentQty, row, decision, gated);
            } else {
                decisionsNotJournalled++;
            }
        }

        if (Math.abs(targetQty - effectiveQty) < 1e-9) {
            return;
        }
        TradeProposal proposal = new TradeProposal(instrument, bar.end(), effectiveQty, targetQty, bar.close(), gated,
                lastAssessment);
        RiskContext context = new RiskContext(bar.end(), portfolio.snapshot(bar.end()), history);
        RiskChain.Evaluation risk = riskScratch;
        riskChain.evaluate(proposal, context, risk);
        for (int i = 0; i < risk.verdictCount(); i++) {
            RiskVerdict verdict = risk.verdict(i);
            if (journal.isEnabled()) {
                ObjectNode v = json.valueToTree(verdict);
                v.put("barTime", bar.end().toString());
                journal(EventType.RISK_VERDICT, v);
            }
            if (verdict.isReject()) {
                alert(Alert.Severity.INFO, "risk gate " + verdict.gate() + " rejected a trade: " + verdict.reason());
            }
        }
        if (!risk.changesPosition()) {
            return;
        }
        // Round the approved target toward the current position: rounding to nearest could exceed
        // what a gate allowed (1.6 approved must not become 2).
        double approved = snapToward(risk.finalTarget(), effectiveQty);
        if (Math.abs(approved - effectiveQty) < 1e-9) {
            return;
        }
        Bracket protection = Double.isNaN(risk.stopPrice()) && Double.isNaN(risk.targetPrice()) ? Bracket.NONE
                : new Bracket(risk.stopPrice(), risk.targetPrice());
        cancelProtectionIfSuperseded(effectiveQty, approved);
        List<OrderRequest> orders = planner.plan(new OrderPlanner.Request(instrument, bar.end(), effectiveQty,
                approved, bar.close(), gated, this::nextOrderId, protection));
        for (OrderRequest request : orders) {
            submit(request, bar.end());
        }
        riskChain.accepted(proposal.withTarget(approved), context);
    }

    private Decision consultReasoner(Decision decision, double effectiveQty, double effectiveFraction, Bar bar,
                                     float[] featureRow) {
        TradeProposal proposal = new TradeProposal(instrument, bar.end(), effectiveQty,
                toQuantity(decision.targetPosition()), bar.close(), decision);
        // A read-only prefix view, not a copy: the reasoner may still be reading after its deadline
        // while this loop appends bars, and bars before the view's end never change (append-only).
        ReasoningRequest request = new ReasoningRequest(proposal, history.prefix(history.size()),
                portfolio.snapshot(bar.end()), namedFeatures(featureRow));
        Assessment ready = null;
        try {
            ready = reasoner.assessNow(request);
        } catch (RuntimeException e) {
            error("reasoner's assessNow failed; asking it in full", e);
        }
        // A ready answer (a cache hit) is used on this thread: no hand-off, no waiting.
        Future<Assessment> future = ready != null ? java.util.concurrent.CompletableFuture.completedFuture(ready)
                : reasonerThreads.submit(() -> reasoner.assess(request));
        Duration deadline = gate.deadline();
        try {
            Assessment assessment = Objects.requireNonNull(future.get(deadline.toMillis(), TimeUnit.MILLISECONDS),
                    "reasoner returned null");
            if (journal.isEnabled()) {
                ObjectNode a = json.valueToTree(assessment);
                a.put("barTime", bar.end().toString());
                journal(EventType.ASSESSMENT, a);
            }
            lastAssessment = assessment;
            reasonerFailures = 0;
            double target = gate.applyAssessment(effectiveFraction, decision.targetPosition(), assessment,
                    decision.confidence());
            double combined = gate.combinedConfidence(decision.confidence(), assessment);
            return decision.withTarget(target, "reasoner " + assessment.verdict().name().toLowerCase(java.util.Locale.ROOT)
                    + ", combined confidence " + twoDecimals(combined)
                    + (combined < gate.minCombined() && assessment.verdict() != Assessment.Verdict.REJECT
                            ? " below " + gate.minCombined() + ": no new risk" : "")
                    + (assessment.reasons().isEmpty() ? "" : ": " + assessment.reasons().get(0)));
        } catch (TimeoutException e) {
            future.cancel(true);
            error("reasoner missed its " + deadline.toMillis() + " ms deadline; acting on the policy alone", null);
            reasonerFailed();
        } catch (ExecutionException e) {
            error("reasoner failed; acting on the policy alone", e.getCause());
            reasonerFailed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            error("interrupted while waiting for the reasoner; acting on the policy alone", e);
        } catch (RuntimeException e) {
            error("reasoner answer unusable; acting on the policy alone", e);
            reasonerFailed();
        }
        return decision;
    }

    /** {@code 0.625 -> "0.63"}, without the cost of String.format on the decision path. */
    static String twoDecimals(double v) {
        long hundredths = Math.round(v * 100);
        long whole = hundredths / 100;
        long frac = Math.abs(hundredths % 100);
        return (v < 0 && whole == 0 ? "-" : "") + whole + "." + (frac < 10 ? "0" : "") + frac;
    }

    /** Counts a failed reasoner call; opens the circuit breaker after {@code maxFailures} in a row. */
    private void reasonerFailed() {
        if (++reasonerFailures >= gate.maxFailures()) {
            reasonerSkippedUntil = clock.instant().plus(gate.coolOff());
            reasonerFailures = 0;
            String message = "reasoner failed " + gate.maxFailures() + " times in a row; skipped until "
                    + reasonerSkippedUntil + " (policy alone)";
            error(message, null);
            alert(Alert.Severity.WARNING, message);
        }
    }

    /** Whether the reasoner's circuit breaker is open now. */
    private boolean reasonerCoolingOff() {
        return reasonerSkippedUntil != null && clock.instant().isBefore(reasonerSkippedUntil);
    }

    private void submit(OrderRequest request, Instant decisionTime) {
        ownOrderIds.add(request.clientOrderId());
        Order order;
        try {
            order = Objects.requireNonNull(broker.submit(request), "broker returned no order");
        } catch (RuntimeException e) {
            error("broker refused order " + request.clientOrderId() + "; no order is working", e);
            alert(Alert.Severity.WARNING, "order " + request.clientOrderId() + " not sent: " + e.getMessage());
            return;
        }
        recordOrder(order, decisionTime);
    }

    private void recordOrder(Order order, Instant time) {
        if (order.state().isTerminal()) {
            workingOrders.remove(order.clientOrderId());
        } else {
            workingOrders.put(order.clientOrderId(), order);
        }
        if (journal.isEnabled()) {
            journalOrder(order, time);
        }
        if (order.state() == OrderState.REJECTED) {
            alert(Alert.Severity.WARNING, "order " + order.clientOrderId() + " rejected: " + order.reason());
        }
    }

    /** The policy's inputs by feature name, so a reasoner can cite the same numbers. */
    private Map<String, Double> namedFeatures(float[] row) {
        List<String> names = features.names();
        Map<String, Double> named = new LinkedHashMap<>();
        for (int i = 0; i < row.length && i < names.size(); i++) {
            named.put(names.get(i), (double) row[i]);
        }
        return named;
    }

    private static <T extends AutoCloseable> T track(List<AutoCloseable> created, T component) {
        created.add(component);
        return component;
    }

    private static AlertSink fanOut(List<AlertSink> sinks) {
        return new AlertSink() {
            @Override
            public void send(Alert alert) {
                sinks.forEach(sink -> sink.send(alert));
            }

            @Override
            public void close() {
                sinks.forEach(AlertSink::close);
            }
        };
    }

    /** Applies queued broker events on the loop thread. */
    private void drainBrokerEvents() {
        Object event;
        while ((event = brokerEvents.poll()) != null) {
            if (event instanceof Fill fill) {
                applyFill(fill);
            } else if (event instanceof Order order) {
                recordOrder(order, order.updatedAt());
            } else if (event instanceof BrokerError be) {
                error("broker: " + be.message(), be.cause());
                alert(Alert.Severity.WARNING, "broker: " + be.message());
            } else if (event instanceof LimitChange change) {
                journalLimitChange(change);
            }
        }
        collectReflections(false);
    }

    private void applyFill(Fill fill) {
        if (!fill.instrument().symbol().equals(instrument.symbol())) {
            error("fill for " + fill.instrument().symbol() + " ignored: this session trades " + instrument.symbol(), null);
            return;
        }
        try {
            portfolio.apply(fill);
        } catch (IllegalArgumentException e) {
            error("fill " + fill.clientOrderId() + " could not be booked", e);
            return;
        }
        if (journal.isEnabled()) {
            journalFill(fill);
        }
        List<ClosedTrade> trades = portfolio.closedTrades();
        for (int i = tradesSeen; i < trades.size(); i++) {
            ClosedTrade trade = trades.get(i);
            if (reasoner != null) {
                reflectLater(trade);
            }
        }
        tradesSeen = trades.size();
    }

    /**
     * Starts a reflection off the trading path. At most {@link #MAX_PENDING_REFLECTIONS} run at once:
     * when that many are still pending, the oldest is cancelled and dropped (counted and journalled),
     * so a slow reasoner never holds up trading or memory.
     */
    private void reflectLater(ClosedTrade trade) {
        collectReflections(false);
        if (pendingReflections.size() >= MAX_PENDING_REFLECTIONS) {
            Future<Reflection> oldest = pendingReflections.remove(0);
            oldest.cancel(true);
            droppedReflections++;
            error("reflection queue full (" + MAX_PENDING_REFLECTIONS + " pending): dropped the oldest; "
                    + droppedReflections + " dropped in this session", null);
        }
        pendingReflections.add(reasonerThreads.submit(() -> reasoner.reflect(trade)));
    }

    /** Journals finished reflections; at the end of the session waits for each up to the deadline. */
    private void collectReflections(boolean wait) {
        if (pendingReflections.isEmpty()) {
            return; // twice a bar without a reasoner: no iterator
        }
        var it = pendingReflections.iterator();
        while (it.hasNext()) {
            Future<Reflection> f = it.next();
            if (!wait && !f.isDone()) {
                continue;
            }
            it.remove();
            try {
                Reflection r = f.get(gate.deadline().toMillis(), TimeUnit.MILLISECONDS);
                if (r != null) {
                    journal(EventType.REFLECTION, (ObjectNode) json.valueToTree(r));
                }
            } catch (TimeoutException e) {
                f.cancel(true);
                error("reflection missed its deadline and was dropped", null);
            } catch (ExecutionException e) {
                error("reflection failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Ends the session: applies remaining broker events, waits for reflections, journals the end
     * with the headline numbers, and returns the result. Idempotent.
     */
    public synchronized SessionResult finish() {
        if (state == ComponentState.RUNNING || state == ComponentState.FAILED) {
            drainBrokerEvents();
            collectReflections(true);
            if (state == ComponentState.RUNNING) {
                state = ComponentState.STOPPED;
            }
            ObjectNode end = json.createObjectNode()
                    .put("bars", history.size())
                    .put("decisions", decisions)
                    .put("decisionsNotJournalled", decisionsNotJournalled)
                    .put("warmUpBars", warmUpBars)
                    .put("errors", errors)
                    .put("fills", portfolio.fillCount())
                    .put("trades", portfolio.closedTrades().size())
                    .put("equity", portfolio.equity())
                    .put("realizedPnl", portfolio.realizedPnl())
                    .put("commissions", portfolio.commissionsPaid());
            journal(EventType.SESSION_END, end);
            LOG.info("session {} finished: {} bars, {} fills, equity {}", sessionId, history.size(),
                    portfolio.fillCount(), portfolio.equity());
        }
        return result();
    }

    /** The result so far (equity curve, positions, trades). */
    public SessionResult result() {
        return new SessionResult(sessionId, instrument.symbol(), portfolio.startingCash(), recorder.times(),
                recorder.equity(), recorder.positions(), recorder.tradedNotionalPerBar(),
                List.copyOf(portfolio.closedTrades()), decisions, errors);
    }

    /** The order event, streamed field by field (prices that are not set are left out). */
    private void journalOrder(Order order, Instant time) {
        OrderRequest r = order.request();
        String when = io.github.rltrading.core.util.IsoTime.format(time);
        journal(EventType.ORDER, out -> {
            out.string("clientOrderId", order.clientOrderId())
                    .string("brokerOrderId", order.brokerOrderId())
                    .string("state", order.state().name())
                    .string("side", r.side().name())
                    .number("quantity", r.quantity())
                    .string("type", r.type().name())
                    .number("filledQuantity", order.filledQuantity())
                    .string("reason", order.reason())
                    .string("tag", r.tag())
                    .string("time", when);
            numberIfFinite(out, "limitPrice", r.limitPrice());
            numberIfFinite(out, "stopPrice", r.stopPrice());
            numberIfFinite(out, "averageFillPrice", order.averageFillPrice());
            numberIfFinite(out, "stopLoss", r.bracket().stopLossPrice());
            numberIfFinite(out, "takeProfit", r.bracket().takeProfitPrice());
        });
    }

    /** The fill event, streamed field by field, with the position and equity after it. */
    private void journalFill(Fill fill) {
        String when = io.github.rltrading.core.util.IsoTime.format(fill.time());
        double position = portfolio.quantity(instrument.symbol());
        double equity = portfolio.equity();
        journal(EventType.FILL, out -> out
                .string("clientOrderId", fill.clientOrderId())
                .string("symbol", fill.instrument().symbol())
                .string("side", fill.side().name())
                .number("quantity", fill.quantity())
                .number("price", fill.price())
                .number("commission", fill.commission())
                .string("time", when)
                .number("position", position)
                .number("equity", equity));
    }

    private static void numberIfFinite(io.github.rltrading.core.journal.EventFields out, String field, double value) {
        if (Double.isFinite(value)) {
            out.number(field, value);
        }
    }


    private double workingQuantity() {
        double sum = 0;
        for (Order o : workingOrders.values()) {
            if (ownOrderIds.contains(o.clientOrderId())) {
                sum += o.request().side().sign() * o.remainingQuantity();
            }
        }
        return sum;
    }

    private double toQuantity(double fraction) {
        return snap(fraction * maxPosition);
    }

    /** Rounds a quantity to the nearest multiple of the quantity step (1 contract, 1 share, ...). */
    private double snap(double quantity) {
        return noNegativeZero(Math.rint(quantity / quantityStep) * quantityStep);
    }

    /** Rounds a quantity to a multiple of the step, toward {@code current}, so it never overshoots. */
    private double snapToward(double quantity, double current) {
        double steps = quantity / quantityStep;
        // Tolerate floating-point noise just below a whole step (1.9999999999 is 2).
        double rounded = quantity > current ? Math.floor(steps + 1e-9) : Math.ceil(steps - 1e-9);
        return noNegativeZero(rounded * quantityStep);
    }

    private static double noNegativeZero(double q) {
        return q == 0.0 ? 0.0 : q; // journals should not show -0.0
    }

    private String nextOrderId() {
        return sessionId + "-" + (++orderCounter);
    }

    /** The ISO text of the last bar's end, reused by the bar and decision events of the same bar. */
    private long cachedTimeMillis = Long.MIN_VALUE;
    private String cachedTime;

    private String barTime(Bar bar) {
        long millis = bar.end().toEpochMilli();
        if (millis != cachedTimeMillis) {
            cachedTimeMillis = millis;
            cachedTime = IsoTime.formatMillis(millis);
        }
        return cachedTime;
    }

    /** The bar event, streamed field by field: it is written for every bar. */
    private void journalBar(Bar bar) {
        String end = barTime(bar); // here, not in the writer: the cache behind it belongs to this thread
        journal(EventType.BAR, out -> out
                .string("symbol", bar.symbol())
                .string("timeframe", bar.timeframe().toString())
                .string("end", end)
                .number("open", bar.open())
                .number("high", bar.high())
                .number("low", bar.low())
                .number("close", bar.close())
                .number("volume", bar.volume()));
    }

    /** The decision event, streamed field by field: it is written for every decision. */
    private void journalDecision(Bar bar, DecisionGate.Route route, double positionFraction, double pendingQuantity,
                                 float[] row, Decision decision, Decision gated) {
        String barTime = barTime(bar);
        journal(EventType.DECISION, out -> {
            out.string("barTime", barTime)
                    .string("route", route.name())
                    .number("position", positionFraction)
                    .number("pendingQuantity", pendingQuantity)
                    // The inputs the policy saw, so a decision can be replayed and explained; wide
                    // observations (long windows) are summarised by their size to keep the journal readable.
                    .number("featureCount", (long) row.length);
            if (row.length <= MAX_JOURNALLED_FEATURES) {
                out.numbers("features", row);
            }
            out.object("decision").object("action");
            switch (decision.action()) {
                case Action.Discrete d -> out.number("index", (long) d.index());
                case Action.Continuous c -> out.numbers("values", c.values());
            }
            out.end()
                    .number("targetPosition", decision.targetPosition())
                    .number("confidence", decision.confidence())
                    .string("rationale", decision.rationale())
                    .string("source", decision.source())
                    .end();
            if (gated != decision) {
                out.number("gatedTarget", gated.targetPosition()).string("gateNote", gated.rationale());
            }
        });
    }

    private void journal(EventType type, Journal.DataWriter data) {
        try {
            journal.append(type, SOURCE, clock.instant(), data);
        } catch (RuntimeException e) {
            LOG.error("session {}: journal append of {} failed: {}", sessionId, type, e.toString(), e);
        }
    }

    private void journal(EventType type, ObjectNode data) {
        try {
            journal.append(type, SOURCE, clock.instant(), data);
        } catch (RuntimeException e) {
            // The journal failing must not crash trading, but it must be loud.
            LOG.error("session {}: journal append of {} failed: {}", sessionId, type, e.toString(), e);
        }
    }

    private void error(String message, Throwable cause) {
        errors++;
        LOG.warn("session {}: {}{}", sessionId, message, cause == null ? "" : ": " + cause);
        ObjectNode e = json.createObjectNode().put("message", message);
        if (cause != null) {
            e.put("exception", cause.getClass().getName()).put("detail", String.valueOf(cause.getMessage()));
        }
        journal(EventType.ERROR, e);
    }

    private void alert(Alert.Severity severity, String message) {
        if (alerts == null) {
            return;
        }
        try {
            alerts.send(new Alert(severity, SOURCE + ":" + sessionId, message, clock.instant(), Map.of()));
        } catch (RuntimeException e) {
            LOG.warn("session {}: alert sink failed: {}", sessionId, e.toString());
        }
    }

    /**
     * Finishes the session if needed, then closes the reasoner executor and, when the builder was
     * told the session owns them, the components in reverse order of use.
     */
    @Override
    public void close() {
        if (state == ComponentState.CLOSED) {
            return;
        }
        try {
            finish();
        } finally {
            if (reasonerThreads != null) {
                reasonerThreads.shutdownNow();
            }
            if (closeComponents) {
                closeQuietly(journal);
                closeQuietly(broker);
                closeQuietly(reasoner);
                closeQuietly(policy);
                closeQuietly(feed);
                closeQuietly(alerts);
            }
            state = ComponentState.CLOSED;
        }
    }

    private void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("session {}: closing {} failed: {}", sessionId, c.getClass().getName(), e.toString());
        }
    }

    private record BrokerError(String message, Throwable cause) {}

    /** Queues broker events for the loop thread. */
    private final class QueueingListener implements BrokerListener {
        @Override
        public void onOrderUpdate(Order order) {
            brokerEvents.add(order);
        }

        @Override
        public void onFill(Fill fill) {
            brokerEvents.add(fill);
        }

        @Override
        public void onError(String message, Throwable cause) {
            brokerEvents.add(new BrokerError(message, cause));
        }
    }

    /** Builder for {@link TradingSession}. Required: instrument, features, policy, broker. */
    public static final class Builder {
        private String sessionId = "s1";
        private Instrument instrument;
        private Timeframe timeframe;
        private MarketDataFeed feed;
        private FeatureSet features;
        private Policy policy;
        private DecisionGate gate = DecisionGate.passThrough();
        private Reasoner reasoner;
        private List<RiskGate> riskGates = List.of();
        private OrderPlanner planner = OrderPlanner.market();
        private Broker broker;
        private double startingCash = 100_000;
        private Portfolio portfolio;
        private Journal journal = Journal.noop();
        private JournalDetail journalDetail = JournalDetail.ALL;
        private Clock clock = Clock.systemUTC();
        private AlertSink alerts;
        private double maxPosition = 1;
        private double quantityStep = 1;
        private Duration pollTimeout = Duration.ofSeconds(5);
        private boolean closeComponents;
        private final List<SessionHook> hooks = new ArrayList<>();

        private Builder() {}

        /** Identifies the session in order ids and the journal; default {@code s1}. */
        public Builder sessionId(String value) {
            if (value == null || value.isBlank() || !value.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("sessionId must be letters, digits, '_', '.' or '-', got '" + value + "'");
            }
            this.sessionId = value;
            return this;
        }

        public Builder instrument(Instrument value) {
            this.instrument = value;
            return this;
        }

        /** Primary bar length; defaults to the feed's, or 1 minute without a feed. */
        public Builder timeframe(Timeframe value) {
            this.timeframe = value;
            return this;
        }

        /** Where bars come from; optional when you call {@link #onBar} yourself. */
        public Builder feed(MarketDataFeed value) {
            this.feed = value;
            return this;
        }

        public Builder features(FeatureSet value) {
            this.features = value;
            return this;
        }

        public Builder policy(Policy value) {
            this.policy = value;
            return this;
        }

        /** Confidence routing; default passes every decision straight through. */
        public Builder decisionGate(DecisionGate value) {
            this.gate = Objects.requireNonNull(value, "decisionGate");
            return this;
        }

        /** Optional second opinion for decisions in the gate's middle band. */
        public Builder reasoner(Reasoner value) {
            this.reasoner = value;
            return this;
        }

        public Builder riskGates(List<RiskGate> value) {
            this.riskGates = List.copyOf(value);
            return this;
        }

        public Builder orderPlanner(OrderPlanner value) {
            this.planner = Objects.requireNonNull(value, "orderPlanner");
            return this;
        }

        public Builder broker(Broker value) {
            this.broker = value;
            return this;
        }

        public Builder startingCash(double value) {
            this.startingCash = value;
            return this;
        }

        /**
         * One account for several sessions: each session trades its own instrument and applies its own
         * broker's fills to {@code value}, so cash, equity, exposure and drawdown are the account's,
         * and risk gates (give the sessions the same gate instances) limit the account as a whole. The
         * sessions must then be driven on one thread ({@link TradingSession#start}, then
         * {@link TradingSession#onBar} in time order across instruments), since a portfolio is not
         * thread-safe. The session's starting cash is the portfolio's; {@link #startingCash} is ignored.
         * Each session's result (equity curve, trades) is the account's.
         */
        public Builder portfolio(Portfolio value) {
            this.portfolio = Objects.requireNonNull(value, "portfolio");
            return this;
        }

        public Builder journal(Journal value) {
            this.journal = Objects.requireNonNull(value, "journal");
            return this;
        }

        /**
         * How much of the per-bar flow is journalled; default {@link JournalDetail#ALL}. Backtests use
         * {@link JournalDetail#CHANGES}. Config key {@code journal.detail}.
         */
        public Builder journalDetail(JournalDetail value) {
            this.journalDetail = Objects.requireNonNull(value, "journalDetail");
            return this;
        }

        /** Time source for journal stamps and alerts; inject a fixed clock in tests. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder alerts(AlertSink value) {
            this.alerts = value;
            return this;
        }

        /** Contracts or shares that a target of ±1 means; &gt; 0. */
        public Builder maxPosition(double value) {
            Require.positive("maxPosition", value);
            this.maxPosition = value;
            return this;
        }

        /** Smallest tradable quantity; targets are rounded to it. Default 1. */
        public Builder quantityStep(double value) {
            Require.positive("quantityStep", value);
            this.quantityStep = value;
            return this;
        }

        /** How long {@link #run()} waits for the next bar before checking for stop; default 5 s. */
        public Builder pollTimeout(Duration value) {
            this.pollTimeout = Objects.requireNonNull(value, "pollTimeout");
            return this;
        }

        /** Adds code to run on the loop thread at start, after each poll and at the end (see {@link SessionHook}). */
        public Builder hook(SessionHook value) {
            hooks.add(Objects.requireNonNull(value, "hook"));
            return this;
        }

        /** Whether {@link TradingSession#close()} closes the feed, policy, reasoner, broker, journal and alert sink. */
        public Builder closeComponents(boolean value) {
            this.closeComponents = value;
            return this;
        }

        public TradingSession build() {
            return new TradingSession(this);
        }
    }
}
