package io.github.rltrading.core.trading;

import io.github.rltrading.core.market.AssetClass;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.util.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The account as the trading loop sees it: cash, positions, realised and unrealised P&amp;L,
 * commissions, exposure and futures margin, updated by {@link #apply(Fill) fills} and
 * {@link #mark(String, double) marks}.
 *
 * <pre>{@code
 * Portfolio p = new Portfolio(100_000, "USD");
 * p.apply(new Fill("c-1", ContractSpecs.ES, Side.BUY, 2, 3230.00, 4.50, t));
 * p.mark("ES", 3232.00);                 // +2 points × 2 contracts × $50 = +$400 unrealised
 * p.equity();                            // 100_000 + 400 − 4.50
 * }</pre>
 *
 * <p>Invariant after every operation (tested as a property): {@code equity = startingCash +
 * realised + unrealised − commissions}. Futures move cash by P&amp;L only; stocks and ETFs also pay
 * (or, short, receive) their cost basis, so for them {@code equity = cash + Σ quantity × mark}.
 *
 * <p>Not thread-safe: the trading session owns it and applies broker events on its own thread.
 */
public final class Portfolio {

    private final double startingCash;
    private final String currency;
    private final Map<String, Position> positions = new LinkedHashMap<>();
    private final Map<String, OpenTrade> openTrades = new LinkedHashMap<>();
    private final List<ClosedTrade> closedTrades = new ArrayList<>();
    private double realizedPnl;
    private double commissionsPaid;
    private double peakEquity;
    private double tradedNotional;
    private long fillCount;

    /**
     * @param startingCash account value at the start, finite and &gt; 0
     * @param currency     ISO 4217 code; fills in another currency are refused (no FX conversion)
     */
    public Portfolio(double startingCash, String currency) {
        Require.positive("portfolio startingCash", startingCash);
        this.startingCash = startingCash;
        this.currency = Objects.requireNonNull(currency, "currency");
        this.peakEquity = startingCash;
    }

    /**
     * Books a fill: updates the position and average price, realises P&amp;L on the closed part, pays
     * the commission, marks the instrument at the fill price, and records a closed trade when the
     * position returns to flat or reverses.
     *
     * @return the position after the fill
     * @throws IllegalArgumentException if the fill's currency is not the portfolio's
     */
    public Position apply(Fill fill) {
        Instrument instrument = fill.instrument();
        if (!instrument.currency().equals(currency)) {
            throw new IllegalArgumentException("fill of order " + fill.clientOrderId() + " is in "
                    + instrument.currency() + " (" + instrument.symbol() + ") but the portfolio is in " + currency
                    + "; use one portfolio per currency");
        }
        Position before = positions.getOrDefault(instrument.symbol(), Position.flat(instrument));
        Position.Change change = before.apply(fill.signedQuantity(), fill.price());
        positions.put(instrument.symbol(), change.position());
        realizedPnl += change.realizedPnl();
        commissionsPaid += fill.commission();
        tradedNotional += fill.notional();
        fillCount++;
        trackTrade(before, change, fill);
        updatePeak();
        return change.position();
    }

    /** Marks every position in {@code symbol} at {@code price} (e.g. a bar's close). */
    public void mark(String symbol, double price) {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("mark price for " + symbol + " must be finite, got " + price);
        }
        Position p = positions.get(symbol);
        if (p != null && p.markPrice() != price) { // an unchanged close changes nothing (and builds nothing)
            positions.put(symbol, p.markedAt(price));
            updatePeak();
        }
    }

    private void updatePeak() {
        peakEquity = Math.max(peakEquity, equity());
    }

    public double startingCash() {
        return startingCash;
    }

    public String currency() {
        return currency;
    }

    /** Cash balance: start + realised − commissions − cost basis of open stock/ETF positions. */
    public double cash() {
        double cash = startingCash + realizedPnl - commissionsPaid;
        for (Position p : positions.values()) {
            if (p.instrument().assetClass().settlesNotional()) {
                cash -= p.costBasis();
            }
        }
        return cash;
    }

    /** starting cash + realised + unrealised − commissions. */
    public double equity() {
        return startingCash + realizedPnl + unrealizedPnl() - commissionsPaid;
    }

    public double realizedPnl() {
        return realizedPnl;
    }

    public double unrealizedPnl() {
        double sum = 0;
        for (Position p : positions.values()) {
            sum += p.unrealizedPnl();
        }
        return sum;
    }

    public double commissionsPaid() {
        return commissionsPaid;
    }

    /** Σ |quantity × mark × point value| × leverage factor: a 3x ETF counts three times its notional. */
    public double grossExposure() {
        double sum = 0;
        for (Position p : positions.values()) {
            sum += p.notional() * p.instrument().leverageFactor();
        }
        return sum;
    }

    /** Σ signed notional × leverage factor. */
    public double netExposure() {
        double sum = 0;
        for (Position p : positions.values()) {
            sum += Math.signum(p.quantity()) * p.notional() * p.instrument().leverageFactor();
        }
        return sum;
    }

    /** Initial margin held by futures positions: Σ |contracts| × margin per contract. */
    public double marginUsed() {
        double sum = 0;
        for (Position p : positions.values()) {
            if (p.instrument().assetClass() == AssetClass.FUTURE) {
                sum += Math.abs(p.quantity()) * p.instrument().marginPerContract();
            }
        }
        return sum;
    }

    /** Highest equity seen after any fill or mark. */
    public double peakEquity() {
        return peakEquity;
    }

    /** Total |notional| of every fill so far (for turnover). */
    public double tradedNotional() {
        return tradedNotional;
    }

    public long fillCount() {
        return fillCount;
    }

    /** Position in {@code symbol}; a flat position of an unknown instrument is reported as absent. */
    public Position position(String symbol) {
        return positions.get(symbol);
    }

    /** Signed quantity in {@code symbol}, 0 if none. */
    public double quantity(String symbol) {
        Position p = positions.get(symbol);
        return p == null ? 0.0 : p.quantity();
    }

    /** Open (non-flat) positions by symbol. */
    public Map<String, Position> openPositions() {
        Map<String, Position> open = new LinkedHashMap<>();
        positions.forEach((s, p) -> {
            if (!p.isFlat()) {
                open.put(s, p);
            }
        });
        return Collections.unmodifiableMap(open);
    }

    /** Round trips closed so far, oldest first. */
    public List<ClosedTrade> closedTrades() {
        return Collections.unmodifiableList(closedTrades);
    }

    /** An immutable copy of the numbers now. */
    public PortfolioSnapshot snapshot(Instant time) {
        return new PortfolioSnapshot(time, currency, startingCash, cash(), equity(), realizedPnl, unrealizedPnl(),
                commissionsPaid, grossExposure(), netExposure(), marginUsed(), peakEquity, openPositions());
    }

    // --- round-trip tracking -------------------------------------------------------------------

    /** Accumulates one open round trip until the position is flat again or reverses. */
    private static final class OpenTrade {
        final Side side;
        final Instant entryTime;
        double maxQuantity;
        double gross;
        double commission;
        double entryValue;
        double entryQuantity;
        double exitValue;
        double exitQuantity;

        OpenTrade(Side side, Instant entryTime) {
            this.side = side;
            this.entryTime = entryTime;
        }
    }

    private void trackTrade(Position before, Position.Change change, Fill fill) {
        String symbol = fill.instrument().symbol();
        double qty = fill.quantity();
        double closed = change.closedQuantity();
        double opened = qty - closed;
        OpenTrade trade = openTrades.get(symbol);
        if (closed > 0 && trade != null) {
            trade.gross += change.realizedPnl();
            trade.commission += fill.commission() * closed / qty;
            trade.exitValue += closed * fill.price();
            trade.exitQuantity += closed;
            if (change.position().isFlat() || Math.signum(change.position().quantity()) != Math.signum(before.quantity())) {
                closedTrades.add(new ClosedTrade(symbol, trade.side, trade.maxQuantity,
                        trade.entryValue / trade.entryQuantity, trade.exitValue / trade.exitQuantity,
                        trade.entryTime, fill.time(), trade.gross, trade.commission));
                openTrades.remove(symbol);
                trade = null;
            }
        }
        if (opened > Position.FLAT_EPSILON) {
            if (trade == null) {
                trade = new OpenTrade(fill.side(), fill.time());
                openTrades.put(symbol, trade);
            }
            trade.commission += fill.commission() * opened / qty;
            trade.entryValue += opened * fill.price();
            trade.entryQuantity += opened;
            trade.maxQuantity = Math.max(trade.maxQuantity, Math.abs(change.position().quantity()));
        }
    }
}
