package io.github.rltrading.env.trading;

import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.RiskChain;
import io.github.rltrading.core.decision.ActionSpace;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.trading.PortfolioSnapshot;
import io.github.rltrading.core.trading.Position;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.spi.Environment;
import io.github.rltrading.core.spi.RewardFunction;
import io.github.rltrading.core.trading.Side;
import io.github.rltrading.core.util.Require;
import io.github.rltrading.env.features.FeatureMatrix;
import io.github.rltrading.env.rewards.Rewards;
import io.github.rltrading.env.sim.ExecutionModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A single-instrument trading environment over precomputed features.
 *
 * <p>A step decides on bar {@code t}'s close and executes at bar {@code t+1}'s open through the
 * {@link ExecutionModel} (slippage, commission, point value), the same model the
 * {@link io.github.rltrading.env.sim.SimBroker} fills backtests with; the position is then marked to
 * bar {@code t+1}'s close, the reward computed, and the observation moves to row {@code t+1}.
 * Nothing after bar {@code t+1} is read by step {@code t}, and the observation at {@code t} reads
 * feature rows {@code t-W+1 .. t} only.
 *
 * <p>Observation: the last {@code window} feature rows (row-major), then the agent's state:
 * position fraction, open P&amp;L in ticks / 100, bars in position / 100 (capped at 10), the last four
 * targets and the last four bar log returns × 100. Episodes only cover valid feature rows (no
 * warm-up NaN): a random start is drawn where the whole episode is valid, and an episode is truncated
 * at an invalid row, the end of its length or the end of its range.
 *
 * <p>Two ways to drive it: the {@link Environment} methods (allocate an observation and an info map
 * per step), or the allocation-free {@link #act(double)} plus {@link #observe(float[], int)} and
 * {@link #result()} for fast loops and the vectorised environment. Not thread-safe: one per thread;
 * the feature matrix and bars are shared, never copied.
 *
 * <pre>{@code
 * TradingEnv env = TradingEnv.builder(features, bars, ContractSpecs.ES).window(32).maxContracts(2)
 *         .episodeLength(390).range(split[0]).build();
 * float[] obs = env.reset(42);
 * Environment.Step s = env.step(Action.continuous(0.5f));
 * }</pre>
 */
public final class TradingEnv implements Environment {

    /** Agent-state values after the window: position, open P&amp;L, time in position, 4 targets, 4 returns. */
    public static final int STATE_SIZE = 3 + 4 + 4;

    private final FeatureMatrix features;
    private final float[] data;
    private final int columns;
    private final BarSeries bars;
    private final Instrument instrument;
    private final ExecutionModel model;
    private final ActionMode mode;
    private final int window;
    private final double maxContracts;
    private final double quantityStep;
    private final double startingCash;
    private final RowRange range;
    private final int episodeLength;
    private final boolean randomStart;
    private final double drawdownLimit;
    private final RewardFunction reward;
    private final TargetFilter filter;
    private final RiskChain riskChain;
    private final RiskChain.Evaluation riskScratch;
    /** Stop-loss and take-profit prices the risk chain set for the open position (NaN: none). */
    private double riskStop = Double.NaN;
    private double riskTarget = Double.NaN;
    private long riskInterventions;
    private final int[] invalidBefore;
    private final double pointValue;
    private final double tickValue;
    private final ActionSpace actionSpace;
    private final ActionSpace.Box observationSpace;

    private int t;
    private int end;
    private double position;
    private double averagePrice;
    private int barsInPosition;
    private double equity;
    private double peak;
    private final double[] recentTargets = new double[4];
    private final double[] recentReturns = new double[4];
    private boolean done = true;
    private long bracketExits;
    private final StepResult result;
    private final double stopLossTicks;
    private final double takeProfitTicks;
    private final double[] bid;
    private final double[] ask;

    private TradingEnv(Builder b) {
        this.features = b.features;
        this.data = features.data();
        this.columns = features.columns();
        this.bars = b.bars;
        this.instrument = b.instrument;
        this.model = b.model;
        this.mode = b.mode;
        this.window = b.window;
        this.maxContracts = b.maxContracts;
        this.quantityStep = b.quantityStep;
        this.startingCash = b.startingCash;
        this.range = b.range == null ? new RowRange(0, features.rows()) : b.range;
        this.episodeLength = b.episodeLength;
        this.randomStart = b.randomStart;
        this.drawdownLimit = b.drawdownLimit;
        this.reward = b.reward == null ? Rewards.pnl(b.startingCash) : b.reward;
        this.filter = b.filter;
        this.riskChain = b.riskChain;
        this.riskScratch = riskChain == null ? null : riskChain.newEvaluation();
        this.stopLossTicks = b.stopLossTicks;
        this.takeProfitTicks = b.takeProfitTicks;
        this.bid = b.bid;
        this.ask = b.ask;
        if (bid != null && (bid.length < b.bars.size() || ask.length < b.bars.size())) {
            throw new IllegalArgumentException("quotes need one bid and one ask per bar (" + b.bars.size() + "), got "
                    + bid.length + " and " + ask.length);
        }
        this.pointValue = instrument.pointValue();
        this.tickValue = instrument.tickSize();
        if (bars.size() != features.rows()) {
            throw new IllegalArgumentException("features have " + features.rows() + " rows but the bars " + bars.size()
                    + "; compute the features from the same bars");
        }
        if (range.to() > features.rows()) {
            throw new IllegalArgumentException("range " + range + " goes beyond the " + features.rows() + " feature rows");
        }
        this.invalidBefore = new int[features.rows() + 1];
        for (int r = 0; r < features.rows(); r++) {
            invalidBefore[r + 1] = invalidBefore[r] + (features.isValid(r) ? 0 : 1);
        }
        this.actionSpace = mode == ActionMode.CONTINUOUS ? ActionSpace.box(-1f, 1f) : ActionSpace.discrete(mode.choices());
        this.observationSpace = ActionSpace.box(observationSize(), Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
        this.result = new StepResult(this.reward.componentNames());
    }

    public static Builder builder(FeatureMatrix features, BarSeries bars, Instrument instrument) {
        return new Builder(features, bars, instrument);
    }

    /** Floats in one observation: {@code window × features + STATE_SIZE}. */
    public int observationSize() {
        return window * columns + STATE_SIZE;
    }

    @Override
    public ActionSpace actionSpace() {
        return actionSpace;
    }

    @Override
    public ActionSpace.Box observationSpace() {
        return observationSpace;
    }

    public ActionMode mode() {
        return mode;
    }

    private boolean allValid(int fromRow, int toRowInclusive) {
        return invalidBefore[toRowInclusive + 1] - invalidBefore[fromRow] == 0;
    }

    @Override
    public float[] reset(long seed) {
        begin(seed);
        float[] obs = new float[observationSize()];
        observe(obs, 0);
        return obs;
    }

    /**
     * Starts an episode without allocating an observation; read it with {@link #observe}.
     *
     * @throws IllegalStateException when the range holds no valid episode
     */
    public void begin(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int first = range.from() + window - 1;
        int lastStart = range.to() - 2 - Math.max(episodeLength, 0); // a step needs row t + 1
        if (episodeLength <= 0) {
            lastStart = range.to() - 2;
        }
        int start = -1;
        if (randomStart && episodeLength > 0 && lastStart >= first) {
            for (int attempt = 0; attempt < 1000 && start < 0; attempt++) {
                int s = random.nextInt(first, lastStart + 1);
                if (allValid(s - window + 1, s + episodeLength)) {
                    start = s;
                }
            }
        }
        for (int s = first; start < 0 && s <= lastStart; s++) {
            if (allValid(s - window + 1, episodeLength > 0 ? s + episodeLength : s)) {
                start = s;
            }
        }
        if (start < 0) {
            throw new IllegalStateException("no valid episode in rows " + range + " with window " + window
                    + (episodeLength > 0 ? " and length " + episodeLength : "") + ": the feature rows there are in warm-up or "
                    + "invalid (first valid row " + features.firstValidRow() + "); use a later or longer range");
        }
        t = start;
        end = episodeLength > 0 ? start + episodeLength + 1 : range.to();
        position = 0;
        averagePrice = 0;
        barsInPosition = 0;
        equity = startingCash;
        peak = startingCash;
        java.util.Arrays.fill(recentTargets, 0);
        java.util.Arrays.fill(recentReturns, 0);
        reward.reset();
        bracketExits = 0;
        riskStop = Double.NaN;
        riskTarget = Double.NaN;
        riskInterventions = 0;
        if (riskChain != null) {
            riskChain.reset();
        }
        done = false;
        result.clear();
    }

    /** Writes the current observation into {@code out[offset .. offset + observationSize())}. */
    public void observe(float[] out, int offset) {
        int n = window * columns;
        System.arraycopy(data, (t - window + 1) * columns, out, offset, n);
        int i = offset + n;
        double close = bars.close(t);
        out[i++] = (float) (position / maxContracts);
        out[i++] = position == 0 ? 0f : (float) (Math.signum(position) * (close - averagePrice) / tickValue / 100.0);
        out[i++] = (float) (Math.min(barsInPosition, 1000) / 100.0);
        for (int k = 0; k < 4; k++) {
            out[i++] = (float) recentTargets[k];
        }
        for (int k = 0; k < 4; k++) {
            out[i++] = (float) (recentReturns[k] * 100);
        }
    }

    /** Offset in {@link FeatureMatrix#data()} of the current window's first value (zero-copy access). */
    public int windowOffset() {
        return (t - window + 1) * columns;
    }

    @Override
    public Step step(Action action) {
        if (!actionSpace.contains(action)) {
            throw new IllegalArgumentException("action " + action + " is not in this environment's action space "
                    + actionSpace + " (" + mode + ")");
        }
        double a = action instanceof Action.Continuous c ? c.values()[0] : ((Action.Discrete) action).index();
        StepResult r = act(a);
        float[] obs = new float[observationSize()];
        observe(obs, 0);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("position", r.position);
        info.put("fill_price", r.fillPrice);
        info.put("commission", r.commission);
        info.put("slippage", r.slippage);
        info.put("costs", r.commission + r.slippage);
        info.put("equity", r.equity);
        info.put("drawdown", r.drawdown);
        info.put("bar", r.barIndex);
        for (int k = 0; k < r.componentNames.size(); k++) {
            info.put("reward_" + r.componentNames.get(k), r.components[k]);
        }
        return new Step(obs, r.reward, r.terminated, r.truncated, info);
    }

    /**
     * One step with a raw action (continuous value, or a discrete index as a number), allocation-free.
     * The result object is reused: read it before the next call.
     */
    public StepResult act(double action) {
        if (done) {
            throw new IllegalStateException("the episode is over (terminated or truncated); call reset(seed) first");
        }
        double current = position / maxContracts;
        double target = mode.target(action, current);
        target = Math.max(-1.0, Math.min(1.0, filter.filter(target, current, equity, (peak - equity) / peak)));
        double targetQty = Math.rint(target * maxContracts / quantityStep) * quantityStep;
        if (riskChain != null) {
            double shielded = shield(targetQty, target);
            if (shielded != targetQty) {
                riskInterventions++;
            }
            targetQty = shielded;
        }

        int n = t + 1;
        double open = bars.open(n);
        double close = bars.close(n);
        double equityBefore = equity;
        double positionBefore = current;
        equity += position * (open - bars.close(t)) * pointValue; // the gap to the next open
        double delta = targetQty - position;
        double fillPrice = Double.NaN;
        double commission = 0;
        double slippage = 0;
        if (delta != 0) {
            Side side = delta > 0 ? Side.BUY : Side.SELL;
            double qty = Math.abs(delta);
            double halfSpread = bid == null ? Double.NaN : (ask[t] - bid[t]) / 2; // the quote known at the decision
            fillPrice = model.marketPrice(instrument, side, qty, open, bars.high(n), bars.low(n), bars.volume(n), halfSpread);
            commission = model.commission(instrument, qty, fillPrice);
            slippage = qty * Math.abs(fillPrice - open) * pointValue;
            equity -= commission + slippage;
            boolean sameSide = position == 0 || Math.signum(position) == Math.signum(targetQty);
            if (targetQty == 0) {
                averagePrice = 0;
            } else if (!sameSide) {
                averagePrice = fillPrice; // reversed
            } else if (Math.abs(targetQty) > Math.abs(position)) {
                averagePrice = (averagePrice * Math.abs(position) + fillPrice * qty) / Math.abs(targetQty);
            }
            if (!sameSide || position == 0) {
                barsInPosition = 0;
            }
            if (targetQty == 0 || !sameSide || position == 0) {
                // A new position keeps only the protection priced for it (set by shield()).
                if (!pendingProtection) {
                    riskStop = Double.NaN;
                    riskTarget = Double.NaN;
                }
            }
            pendingProtection = false;
            position = targetQty;
        }
        double exitPrice = position == 0 ? Double.NaN : bracketExit(n);
        if (!Double.isNaN(exitPrice)) {
            // A bracket leg closed the position inside the bar: mark to the exit, pay its costs.
            double qty = Math.abs(position);
            double exitCommission = model.commission(instrument, qty, exitPrice);
            equity += position * (exitPrice - open) * pointValue - exitCommission;
            commission += exitCommission;
            position = 0;
            averagePrice = 0;
            riskStop = Double.NaN;
            riskTarget = Double.NaN;
            bracketExits++;
        } else {
            equity += position * (close - open) * pointValue;
        }
        barsInPosition = position == 0 ? 0 : barsInPosition + 1;
        peak = Math.max(peak, equity);
        double drawdown = peak > 0 ? (peak - equity) / peak : 1.0;
        double r = reward.reward(new RewardFunction.Input(equityBefore, equity, positionBefore, position / maxContracts,
                commission + slippage, drawdown));
        System.arraycopy(recentTargets, 0, recentTargets, 1, 3);
        recentTargets[0] = target;
        System.arraycopy(recentReturns, 0, recentReturns, 1, 3);
        recentReturns[0] = Math.log(close / bars.close(t));
        t = n;

        boolean terminated = equity <= 0 || (drawdownLimit > 0 && drawdown >= drawdownLimit);
        boolean truncated = !terminated && (t + 1 >= end || !features.isValid(t));
        done = terminated || truncated;
        result.set(r, terminated, truncated, position, fillPrice, commission, slippage, equity, drawdown, t, reward);
        return result;
    }

    private boolean pendingProtection;

    /**
     * The risk chain's answer for this step, exactly as a session asks it: first every gate sees the
     * bar (a breaker may demand an exit), then a change of position is proposed and may be reduced or
     * rejected; an approved entry takes the chain's stop and target prices as its bracket. The gates
     * see the bars up to the decision bar only (a prefix view, no copy). The agent has no confidence,
     * so proposals carry confidence 1.
     */
    private double shield(double targetQty, double targetFraction) {
        double close = bars.close(t);
        java.time.Instant time = java.time.Instant.ofEpochMilli(bars.endMillis(t));
        RiskContext context = new RiskContext(time, snapshot(time, close), bars.prefix(t + 1));
        RiskVerdict demand = riskChain.onBar(context, position);
        Decision decision = new Decision(Action.continuous((float) targetFraction), targetFraction, 1.0, "", "env");
        if (demand != null) {
            double forced = towardStep(demand.approvedQuantity(), position);
            riskChain.accepted(new TradeProposal(instrument, time, position, forced, close, decision), context);
            return forced;
        }
        if (Math.abs(targetQty - position) < 1e-9) {
            return targetQty;
        }
        TradeProposal proposal = new TradeProposal(instrument, time, position, targetQty, close, decision);
        riskChain.evaluate(proposal, context, riskScratch);
        double approved = towardStep(riskScratch.finalTarget(), position);
        if (Math.abs(approved - position) < 1e-9) {
            return position;
        }
        riskChain.accepted(proposal.withTarget(approved), context);
        if (!Double.isNaN(riskScratch.stopPrice()) || !Double.isNaN(riskScratch.targetPrice())) {
            riskStop = Double.isNaN(riskScratch.stopPrice()) ? Double.NaN : instrument.roundToTick(riskScratch.stopPrice());
            riskTarget = Double.isNaN(riskScratch.targetPrice()) ? Double.NaN
                    : instrument.roundToTick(riskScratch.targetPrice());
            pendingProtection = true;
        }
        return approved;
    }

    /** Rounds to a whole quantity step toward {@code current}, so a gate's limit is never exceeded. */
    private double towardStep(double quantity, double current) {
        double steps = quantity / quantityStep;
        double rounded = quantity > current ? Math.floor(steps + 1e-9) : Math.ceil(steps - 1e-9);
        double q = rounded * quantityStep;
        return q == 0.0 ? 0.0 : q;
    }

    /** The account as the gates see it: this environment's one instrument, costs folded into equity. */
    private PortfolioSnapshot snapshot(java.time.Instant time, double close) {
        double unrealized = position == 0 ? 0 : position * (close - averagePrice) * pointValue;
        double exposure = Math.abs(position) * close * pointValue * instrument.leverageFactor();
        Map<String, Position> positions = position == 0 ? Map.of()
                : Map.of(instrument.symbol(), new Position(instrument, position, averagePrice, close));
        return new PortfolioSnapshot(time, instrument.currency(), startingCash, equity - unrealized, equity,
                equity - startingCash - unrealized, unrealized, 0, exposure, position * close * pointValue
                * instrument.leverageFactor(), Math.abs(position) * instrument.marginPerContract(), peak, positions);
    }

    /** Position changes the risk chain reduced, rejected or forced since the last reset. */
    public long riskInterventions() {
        return riskInterventions;
    }

    /**
     * The price at which the bracket closes the open position inside bar {@code n}, or NaN. The
     * stop-loss is checked first: when the bar reaches both legs, the worse outcome is assumed. The
     * stop fills through the execution model (slippage, gaps at the open); the take-profit needs a
     * trade-through and fills at its price or a better open.
     */
    private double bracketExit(int n) {
        boolean hasRiskLegs = !Double.isNaN(riskStop) || !Double.isNaN(riskTarget);
        if (stopLossTicks <= 0 && takeProfitTicks <= 0 && !hasRiskLegs) {
            return Double.NaN;
        }
        Side exit = position > 0 ? Side.SELL : Side.BUY;
        double dir = position > 0 ? 1 : -1;
        double high = bars.high(n);
        double low = bars.low(n);
        double open = bars.open(n);
        // A leg priced by the risk chain replaces the fixed-tick one, as the order planner does live.
        double stop = !Double.isNaN(riskStop) ? riskStop
                : stopLossTicks > 0 ? averagePrice - dir * stopLossTicks * tickValue : Double.NaN;
        double target = !Double.isNaN(riskTarget) ? riskTarget
                : takeProfitTicks > 0 ? averagePrice + dir * takeProfitTicks * tickValue : Double.NaN;
        if (!Double.isNaN(stop) && model.stopTriggered(exit, stop, high, low)) {
            return model.stopPrice(instrument, exit, Math.abs(position), stop, open, high, low, bars.volume(n));
        }
        if (!Double.isNaN(target)) {
            return model.limitPrice(exit, target, open, high, low);
        }
        return Double.NaN;
    }

    /** Positions closed by a bracket leg since the last reset. */
    public long bracketExits() {
        return bracketExits;
    }

    /** The last step's result (reused). */
    public StepResult result() {
        return result;
    }

    /** The bar index the current observation ends at. */
    public int barIndex() {
        return t;
    }

    public double equity() {
        return equity;
    }

    public double position() {
        return position;
    }

    public boolean isDone() {
        return done;
    }

    /**
     * The result of one step, reused between steps.
     */
    public static final class StepResult {
        private final List<String> componentNames;
        private final double[] components;
        double reward;
        boolean terminated;
        boolean truncated;
        double position;
        double fillPrice;
        double commission;
        double slippage;
        double equity;
        double drawdown;
        int barIndex;

        StepResult(List<String> componentNames) {
            this.componentNames = List.copyOf(componentNames);
            this.components = new double[componentNames.size()];
        }

        void clear() {
            set(0, false, false, 0, Double.NaN, 0, 0, 0, 0, -1, null);
        }

        void set(double reward, boolean terminated, boolean truncated, double position, double fillPrice, double commission,
                double slippage, double equity, double drawdown, int barIndex, RewardFunction fn) {
            this.reward = reward;
            this.terminated = terminated;
            this.truncated = truncated;
            this.position = position;
            this.fillPrice = fillPrice;
            this.commission = commission;
            this.slippage = slippage;
            this.equity = equity;
            this.drawdown = drawdown;
            this.barIndex = barIndex;
            for (int k = 0; k < components.length; k++) {
                components[k] = fn == null ? 0 : fn.component(k);
            }
        }

        public double reward() {
            return reward;
        }

        public boolean terminated() {
            return terminated;
        }

        public boolean truncated() {
            return truncated;
        }

        public boolean done() {
            return terminated || truncated;
        }

        /** Position after the step, in contracts or shares. */
        public double position() {
            return position;
        }

        /** Fill price of the step's trade, NaN when it did not trade. */
        public double fillPrice() {
            return fillPrice;
        }

        public double commission() {
            return commission;
        }

        /** Slippage paid, in currency. */
        public double slippage() {
            return slippage;
        }

        public double equity() {
            return equity;
        }

        public double drawdown() {
            return drawdown;
        }

        /** The bar the step ended on (its close marked the position). */
        public int barIndex() {
            return barIndex;
        }

        public List<String> componentNames() {
            return componentNames;
        }

        /** Reward component {@code i} (see {@link #componentNames()}). */
        public double component(int i) {
            return components[i];
        }
    }

    /** Builder for {@link TradingEnv}. Required: features, bars (the same rows) and the instrument. */
    public static final class Builder {
        private final FeatureMatrix features;
        private final BarSeries bars;
        private final Instrument instrument;
        private ExecutionModel model = ExecutionModel.DEFAULT;
        private ActionMode mode = ActionMode.CONTINUOUS;
        private int window = 32;
        private double maxContracts = 1;
        private double quantityStep = 1;
        private double startingCash = 100_000;
        private RowRange range;
        private int episodeLength;
        private boolean randomStart = true;
        private double drawdownLimit;
        private RewardFunction reward;
        private TargetFilter filter = TargetFilter.NONE;
        private RiskChain riskChain;
        private double stopLossTicks;
        private double takeProfitTicks;
        private double[] bid;
        private double[] ask;

        Builder(FeatureMatrix features, BarSeries bars, Instrument instrument) {
            this.features = Objects.requireNonNull(features, "features");
            this.bars = Objects.requireNonNull(bars, "bars");
            this.instrument = Objects.requireNonNull(instrument, "instrument");
        }

        public Builder executionModel(ExecutionModel value) {
            this.model = Objects.requireNonNull(value, "executionModel");
            return this;
        }

        public Builder actionMode(ActionMode value) {
            this.mode = Objects.requireNonNull(value, "actionMode");
            return this;
        }

        /** Feature rows per observation (32 by default). */
        public Builder window(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("window must be >= 1 row, got " + value);
            }
            this.window = value;
            return this;
        }

        /** Contracts or shares a target of 1.0 means. */
        public Builder maxContracts(double value) {
            Require.positive("maxContracts", value);
            this.maxContracts = value;
            return this;
        }

        /** Smallest quantity increment (1 contract by default; e.g. 0.01 for fractional shares). */
        public Builder quantityStep(double value) {
            Require.positive("quantityStep", value);
            this.quantityStep = value;
            return this;
        }

        public Builder startingCash(double value) {
            Require.positive("startingCash", value);
            this.startingCash = value;
            return this;
        }

        /** The rows episodes may use (a walk-forward split); all rows by default. */
        public Builder range(RowRange value) {
            this.range = value;
            return this;
        }

        /** Steps per episode; 0 (the default) runs from the first valid row to the end of the range. */
        public Builder episodeLength(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("episodeLength must be >= 0 (0 = the whole range), got " + value);
            }
            this.episodeLength = value;
            return this;
        }

        /** Whether episodes of a fixed length start at a random valid row (true) or at the first one. */
        public Builder randomStart(boolean value) {
            this.randomStart = value;
            return this;
        }

        /** Ends an episode (terminated) when the drawdown reaches this fraction; 0 for no limit. */
        public Builder drawdownLimit(double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("drawdownLimit must be in [0, 1] (0 = none), got " + value);
            }
            this.drawdownLimit = value;
            return this;
        }

        /**
         * The reward; net P&amp;L over the starting cash by default. Rewards may keep state: give each
         * environment its own instance.
         */
        public Builder reward(RewardFunction value) {
            this.reward = value;
            return this;
        }

        /**
         * Shielded training: the same {@link RiskChain} a session uses clips every step's target
         * (reduce, reject, forced exits) and prices the bracket of each entry. Give each environment
         * its own chain: gates keep per-episode state, reset on {@link TradingEnv#reset}.
         */
        public Builder riskChain(RiskChain value) {
            this.riskChain = Objects.requireNonNull(value, "riskChain");
            return this;
        }

        /** Where a simple function clips targets inside the environment (see also {@link #riskChain}). */
        public Builder targetFilter(TargetFilter value) {
            this.filter = Objects.requireNonNull(value, "targetFilter");
            return this;
        }

        /**
         * A bracket on every position: a stop-loss and a take-profit this many ticks from the average
         * entry price (0 for none), evaluated inside each bar with the stop-loss first.
         */
        public Builder bracketTicks(double stopLoss, double takeProfit) {
            if (!(stopLoss >= 0) || !(takeProfit >= 0) || Double.isInfinite(stopLoss) || Double.isInfinite(takeProfit)) {
                throw new IllegalArgumentException("bracket ticks must be finite numbers >= 0 (0 = none), got " + stopLoss
                        + " and " + takeProfit);
            }
            this.stopLossTicks = stopLoss;
            this.takeProfitTicks = takeProfit;
            return this;
        }

        /**
         * Bid and ask at each bar's close (e.g. {@code loaded.extra("bid_close")}): market orders then
         * also pay half the spread known at the decision, as the execution model says.
         */
        public Builder quotes(double[] bid, double[] ask) {
            this.bid = Objects.requireNonNull(bid, "bid");
            this.ask = Objects.requireNonNull(ask, "ask");
            return this;
        }

        public TradingEnv build() {
            if (window > features.rows()) {
                throw new IllegalArgumentException("window " + window + " is longer than the " + features.rows() + " feature rows");
            }
            return new TradingEnv(this);
        }
    }
}
