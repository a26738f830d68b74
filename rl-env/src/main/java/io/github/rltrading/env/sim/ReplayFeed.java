package io.github.rltrading.env.sim;

import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.MarketDataFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * Streams stored bars as a live feed, for backtests (as fast as possible) and pseudo-live runs
 * (real time × a factor: at 60× a 1-minute bar arrives every second). Gaps between bars (nights,
 * weekends) are waited for at the same speed but never longer than {@code maxPause}. Bars are
 * emitted under the instrument's symbol, whatever the stored series is called.
 *
 * <pre>{@code
 * MarketDataFeed fast = ReplayFeed.of(series, ContractSpecs.ES);                 // backtest
 * MarketDataFeed live = ReplayFeed.of(series, ContractSpecs.ES, 60, Duration.ofSeconds(5));
 * }</pre>
 */
public final class ReplayFeed implements MarketDataFeed {

    private final BarSeries series;
    private final Instrument instrument;
    private final double speed;
    private final long maxPauseNanos;
    private volatile int next;
    private long lastEmitNanos = Long.MIN_VALUE;
    private volatile boolean closed;

    private ReplayFeed(BarSeries series, Instrument instrument, double speed, Duration maxPause) {
        this.series = Objects.requireNonNull(series, "series");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        if (!(speed > 0)) {
            throw new IllegalArgumentException("replay speed must be > 0 (1 = real time, 60 = a minute per second) or "
                    + "infinite for as fast as possible, got " + speed);
        }
        this.speed = speed;
        this.maxPauseNanos = maxPause.toNanos();
    }

    /** As fast as possible. */
    public static ReplayFeed of(BarSeries series, Instrument instrument) {
        return new ReplayFeed(series, instrument, Double.POSITIVE_INFINITY, Duration.ZERO);
    }

    /** At {@code speed} × real time, pausing at most {@code maxPause} across gaps. */
    public static ReplayFeed of(BarSeries series, Instrument instrument, double speed, Duration maxPause) {
        return new ReplayFeed(series, instrument, speed, maxPause);
    }

    @Override
    public Instrument instrument() {
        return instrument;
    }

    @Override
    public Timeframe timeframe() {
        return series.timeframe();
    }

    /**
     * A clock that reads replay time: the end of the last bar handed out (the first bar's start
     * before any). Give it to a {@code TradingSession} so that its journal carries market time and
     * repeats byte for byte when the run is repeated.
     */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("a replay clock is always UTC");
            }

            @Override
            public Instant instant() {
                int n = next;
                if (series.isEmpty()) {
                    return Instant.EPOCH;
                }
                return n == 0 ? series.endTime(0).minus(series.timeframe().length()) : series.endTime(n - 1);
            }
        };
    }

    /** Bars replayed so far. */
    public int position() {
        return next;
    }

    @Override
    public Optional<Bar> next(Duration timeout) throws InterruptedException {
        if (isFinished()) {
            return Optional.empty();
        }
        if (Double.isFinite(speed)) { // as fast as possible needs no clock
            if (next > 0) {
                long gapNanos = (long) ((series.endMillis(next) - series.endMillis(next - 1)) * 1_000_000.0 / speed);
                long due = lastEmitNanos + Math.min(gapNanos, Math.max(maxPauseNanos, 0));
                long wait = due - System.nanoTime();
                if (wait > timeout.toNanos()) {
                    sleepNanos(timeout.toNanos());
                    return Optional.empty();
                }
                sleepNanos(wait);
            }
            lastEmitNanos = System.nanoTime();
        }
        int i = next++;
        // Bars carry the instrument's symbol: the stored series may be named after its file.
        return Optional.of(new Bar(instrument.symbol(), series.timeframe(), series.endTime(i), series.open(i), series.high(i),
                series.low(i), series.close(i), series.volume(i)));
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }

    /** The bars left to replay. */
    @Override
    public java.util.OptionalInt expectedBars() {
        return java.util.OptionalInt.of(Math.max(0, series.size() - next));
    }

    @Override
    public boolean isFinished() {
        return closed || next >= series.size();
    }

    @Override
    public void close() {
        closed = true;
    }
}
