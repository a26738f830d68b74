package io.github.rltrading.env.bars;

import io.github.rltrading.core.util.ZoneOffsetCache;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Timeframe;
import java.util.Objects;

/**
 * Builds bars of a longer timeframe from shorter ones as they arrive, within a trading session.
 *
 * <p>Rules (the same for a live stream and a stored series, because the batch form runs this
 * class):
 * <ul>
 *   <li>Intraday targets (5m, 15m, 1h…) are aligned to the wall clock of the session's zone: a 15m
 *       bar ends at :00, :15, :30 or :45, and the session's close ends the last bar of a session
 *       early when the clock boundary lies beyond it.</li>
 *   <li>A daily target makes one bar per session (trading date), ending at the session's close.</li>
 *   <li>Source bars outside the session are left out ({@link #outsideSession()} counts them).</li>
 *   <li>Gaps are not filled: a bar exists only where source bars do, so no bar is invented across
 *       a gap, a halt or a holiday. {@link Aggregated#sourceCount()} tells how many source bars built a bar.</li>
 *   <li>A bar is emitted once it is closed: when a source bar reaches its end time, or when a source
 *       bar of a later bucket arrives. Its time is its end, so a consumer at time {@code t} may use
 *       exactly the bars with end &le; {@code t}.</li>
 * </ul>
 *
 * <pre>{@code
 * BarSeries m15 = BarAggregator.aggregate(m1, Timeframe.M15, MarketHours.CME_GLOBEX);
 * }</pre>
 */
public final class BarAggregator {

    /** Receives closed bars. */
    @FunctionalInterface
    public interface Sink {
        /** One closed bar of the target timeframe, built from {@code sourceBars} source bars. */
        void bar(long endMillis, double open, double high, double low, double close, double volume, int sourceBars);
    }

    private final Timeframe target;
    private final MarketHours hours;
    private final ZoneOffsetCache zone;
    private final boolean daily;
    private final long targetMillis;
    private final Sink sink;

    private long bucketEnd = Long.MIN_VALUE;
    private double open;
    private double high;
    private double low;
    private double close;
    private double volume;
    private int count;
    private long lastSourceEnd = Long.MIN_VALUE;
    private long outside;

    /**
     * @param target the timeframe to build: one that divides a day (1m … 12h), or exactly one day for
     *               session bars
     * @param hours  the trading session
     * @param sink   where closed bars go
     */
    public BarAggregator(Timeframe target, MarketHours hours, Sink sink) {
        this.target = Objects.requireNonNull(target, "target");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.zone = new ZoneOffsetCache(hours.zone());
        this.targetMillis = target.millis();
        this.daily = targetMillis == 86_400_000L;
        if (!daily && (86_400_000L % targetMillis != 0 || targetMillis % 1000 != 0)) {
            throw new IllegalArgumentException("cannot aggregate into " + target
                    + ": an intraday target must divide a day into whole seconds (e.g. 5m, 15m, 1h), or be 1d for session bars");
        }
    }

    /** Adds one source bar (bar end time; times must increase). */
    public void add(long endMillis, double o, double h, double l, double c, double v) {
        if (endMillis <= lastSourceEnd) {
            throw new IllegalArgumentException("source bar ending " + java.time.Instant.ofEpochMilli(endMillis)
                    + " is not after the previous one; feed bars in time order");
        }
        lastSourceEnd = endMillis;
        advanceTo(endMillis);
        long local = zone.toLocal(endMillis);
        long date = hours.tradingDateOfLocal(local);
        if (date == MarketHours.NO_SESSION) {
            outside++;
            return;
        }
        long closeLocal = hours.localCloseMillis(date);
        long endLocal = daily ? closeLocal : Math.min(Math.floorDiv(local + targetMillis - 1, targetMillis) * targetMillis, closeLocal);
        long end = endLocal - (local - endMillis); // the source bar's offset: sessions never span a DST switch mid-bucket
        if (daily) {
            end = zone.toUtc(closeLocal, false);
        }
        if (end != bucketEnd) {
            flush();
            bucketEnd = end;
            open = o;
            high = h;
            low = l;
            volume = 0;
            count = 0;
        }
        high = Math.max(high, h);
        low = Math.min(low, l);
        close = c;
        volume += v;
        count++;
        if (endMillis >= bucketEnd) {
            flush();
        }
    }

    /**
     * Tells the aggregator that time has reached {@code nowMillis}: a bar whose end has passed is
     * closed and emitted even if no later source bar came (e.g. the next bar is outside the session).
     */
    public void advanceTo(long nowMillis) {
        if (count > 0 && nowMillis > bucketEnd) {
            flush();
        }
    }

    /** Emits the bar in progress, if any: call at the end of the data (it may be incomplete). */
    public void flush() {
        if (count > 0) {
            sink.bar(bucketEnd, open, high, low, close, volume, count);
            count = 0;
        }
        bucketEnd = Long.MIN_VALUE;
    }

    /** Source bars left out because they were outside the session. */
    public long outsideSession() {
        return outside;
    }

    public Timeframe target() {
        return target;
    }

    /**
     * Aggregates a whole series.
     *
     * @throws IllegalArgumentException if the target is not a whole multiple of the source's timeframe
     */
    public static BarSeries aggregate(BarSeries source, Timeframe target, MarketHours hours) {
        return aggregateWithCounts(source, target, hours).bars();
    }

    /** {@link #aggregate} plus the number of source bars behind each bar (fewer than expected: a gap). */
    public static Aggregated aggregateWithCounts(BarSeries source, Timeframe target, MarketHours hours) {
        if (target.millis() % source.timeframe().millis() != 0 || target.millis() < source.timeframe().millis()) {
            throw new IllegalArgumentException("cannot aggregate " + source.symbol() + " " + source.timeframe() + " bars into "
                    + target + ": the target must be a whole multiple of the source timeframe");
        }
        int estimate = (int) Math.min(Integer.MAX_VALUE - 16,
                (long) source.size() * source.timeframe().millis() / target.millis() + 16);
        BarSeries out = new BarSeries(source.symbol(), target, estimate);
        int[][] counts = {new int[estimate]};
        BarAggregator agg = new BarAggregator(target, hours, (end, o, h, l, c, v, n) -> {
            int k = out.size();
            if (k == counts[0].length) {
                counts[0] = java.util.Arrays.copyOf(counts[0], k + (k >> 1) + 16);
            }
            counts[0][k] = n;
            out.append(end, o, h, l, c, v);
        });
        for (int i = 0; i < source.size(); i++) {
            agg.add(source.endMillis(i), source.open(i), source.high(i), source.low(i), source.close(i), source.volume(i));
        }
        agg.flush();
        return new Aggregated(out, java.util.Arrays.copyOf(counts[0], out.size()), agg.outsideSession());
    }

    /**
     * An aggregated series.
     *
     * @param bars           the bars
     * @param sourceCount    source bars behind each bar
     * @param outsideSession source bars left out because they were outside the session
     */
    public record Aggregated(BarSeries bars, int[] sourceCount, long outsideSession) {}
}
