package io.github.rltrading.env.synthetic;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.util.Require;
import io.github.rltrading.env.bars.MarketHours;
import io.github.rltrading.core.util.ZoneOffsetCache;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A seeded generator of synthetic 1-minute markets, for the quickstart and for tests that need
 * many regimes. The output is labelled synthetic everywhere: the symbol starts with
 * {@value #SYMBOL_PREFIX} and {@link Result#label()} says how it was made. Never mistake it for data.
 *
 * <p>The model, per bar:
 * <ul>
 *   <li>a Markov chain over {@link Regime}s (mean stay {@code meanRegimeBars});</li>
 *   <li>volatility clustering: a GARCH(1,1) variance {@code σ² = ω + α·ε²(t−1) + β·σ²(t−1)} whose
 *       long-run level is {@code baseVolatility} times the regime's multiplier (ranging 0.6, trending
 *       1, volatile 2.5);</li>
 *   <li>drift: trending regimes move ±0.04σ a bar (over a 240-bar regime about half the noise's
 *       spread, so trends are there but not a free lunch); a ranging regime pulls back by 1% of its
 *       distance to the level where it began;</li>
 *   <li>a U-shaped intraday volume (higher at the open and the close), larger in volatile regimes,
 *       with log-normal noise;</li>
 *   <li>an overnight move between sessions (a gap), and bars only inside the session on trading
 *       days, at every minute, with times converted through the session's zone (DST included);</li>
 *   <li>every price on the instrument's tick grid; high and low beyond open and close by a random
 *       share of the bar's volatility.</li>
 * </ul>
 * The same settings and seed always give the same bars.
 *
 * <pre>{@code
 * SyntheticMarket.Result r = SyntheticMarket.builder().seed(7).sessions(60).build().generate();
 * BarSeries bars = r.series();   // symbol "SYNTHETIC-ES"
 * }</pre>
 */
public final class SyntheticMarket {

    /** Prefix of every synthetic series' symbol. */
    public static final String SYMBOL_PREFIX = "SYNTHETIC-";

    /** Market regimes, in the order of their codes in {@link Result#regimes()}. */
    public enum Regime {
        TRENDING_UP(1.0, 0.04, 1.0),
        TRENDING_DOWN(1.0, -0.04, 1.0),
        RANGING(0.6, 0.0, 0.8),
        VOLATILE(2.5, 0.0, 1.8);

        final double volatility;
        final double drift;
        final double volume;

        Regime(double volatility, double drift, double volume) {
            this.volatility = volatility;
            this.drift = drift;
            this.volume = volume;
        }
    }

    private static final double ALPHA = 0.08;
    private static final double BETA = 0.90;

    private final long seed;
    private final Instrument instrument;
    private final MarketHours hours;
    private final LocalDate firstDate;
    private final int sessions;
    private final double startPrice;
    private final double baseVolatility;
    private final double meanRegimeBars;
    private final double overnightVolatility;
    private final double baseVolume;

    private SyntheticMarket(Builder b) {
        this.seed = b.seed;
        this.instrument = b.instrument;
        this.hours = b.hours;
        this.firstDate = b.firstDate;
        this.sessions = b.sessions;
        this.startPrice = b.startPrice;
        this.baseVolatility = b.baseVolatility;
        this.meanRegimeBars = b.meanRegimeBars;
        this.overnightVolatility = b.overnightVolatility;
        this.baseVolume = b.baseVolume;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The generated market.
     *
     * @param series  the bars, symbol {@code SYNTHETIC-<instrument>}
     * @param regimes the regime of each bar ({@link Regime#ordinal()})
     * @param seed    the seed it was made with
     * @param label   a description saying it is synthetic and how it was made
     */
    public record Result(BarSeries series, byte[] regimes, long seed, String label) {

        /** The regime of bar {@code i}. */
        public Regime regime(int i) {
            return Regime.values()[regimes[i]];
        }
    }

    /** Generates the market. */
    public Result generate() {
        SplittableRandom random = new SplittableRandom(seed);
        ZoneOffsetCache zone = new ZoneOffsetCache(hours.zone());
        int perSession = (int) (hours.lengthMillis() / 60_000L);
        BarSeries series = new BarSeries(SYMBOL_PREFIX + instrument.symbol(), Timeframe.M1, sessions * perSession);
        byte[] regimes = new byte[sessions * perSession];
        Regime[] all = Regime.values();
        Regime regime = Regime.RANGING;
        double logPrice = Math.log(startPrice);
        double anchor = logPrice;
        double variance = baseVolatility * baseVolatility;
        double lastShock = 0;
        double tick = instrument.tickSize();
        LocalDate date = firstDate;
        int made = 0;
        while (made < sessions) {
            long day = date.toEpochDay();
            date = date.plusDays(1);
            if (!hours.tradingDays().contains(java.time.DayOfWeek.of((int) Math.floorMod(day + 3, 7L) + 1))) {
                continue;
            }
            if (made > 0) {
                logPrice += overnightVolatility * random.nextGaussian(); // the gap between sessions
            }
            made++;
            long openLocal = hours.localOpenMillis(day);
            double close = roundToTick(Math.exp(logPrice), tick);
            for (int m = 1; m <= perSession; m++) {
                if (random.nextDouble() < 1.0 / meanRegimeBars) {
                    Regime next = all[random.nextInt(all.length - 1)];
                    regime = next.ordinal() >= regime.ordinal() ? all[next.ordinal() + 1] : next;
                    anchor = logPrice;
                }
                double longRun = baseVolatility * regime.volatility;
                double omega = longRun * longRun * (1 - ALPHA - BETA);
                variance = omega + ALPHA * lastShock * lastShock + BETA * variance;
                double sigma = Math.sqrt(variance);
                double drift = regime == Regime.RANGING ? -0.01 * (logPrice - anchor) : regime.drift * sigma;
                double shock = sigma * random.nextGaussian();
                lastShock = shock;
                double open = close;
                logPrice += drift + shock;
                close = Math.max(tick, roundToTick(Math.exp(logPrice), tick));
                double reach = sigma * Math.exp(logPrice) * 0.5;
                double high = Math.ceil((Math.max(open, close) + Math.abs(random.nextGaussian()) * reach) / tick - 1e-9) * tick;
                double low = Math.max(tick, Math.floor((Math.min(open, close) - Math.abs(random.nextGaussian()) * reach) / tick + 1e-9) * tick);
                double x = (m - 0.5) / perSession * 2 - 1; // -1 at the open, +1 at the close
                double volume = Math.rint(baseVolume * (0.6 + 1.6 * x * x) * regime.volume * Math.exp(0.3 * random.nextGaussian()));
                long end = zone.toUtc(openLocal + m * 60_000L, false);
                if (end == Long.MIN_VALUE || (series.size() > 0 && end <= series.endMillis(series.size() - 1))) {
                    continue; // a wall-clock minute that does not exist (or repeats) on a DST change day
                }
                regimes[series.size()] = (byte) regime.ordinal();
                series.append(end, open, high, low, close, volume);
            }
        }
        String label = "synthetic market (not real data): " + SyntheticMarket.class.getSimpleName() + " seed " + seed + ", "
                + sessions + " sessions of " + hours + " from " + firstDate + ", " + instrument.symbol() + " tick "
                + instrument.tickSize() + ", regime-switching GARCH(1,1) returns";
        return new Result(series, Arrays.copyOf(regimes, series.size()), seed, label);
    }

    private static double roundToTick(double price, double tick) {
        return Math.rint(price / tick) * tick;
    }

    /** Builder for {@link SyntheticMarket}. */
    public static final class Builder {
        private long seed = 1;
        private Instrument instrument = ContractSpecs.ES;
        private MarketHours hours = MarketHours.US_EQUITY_RTH;
        private LocalDate firstDate = LocalDate.of(2024, 1, 2);
        private int sessions = 20;
        private double startPrice = 4000;
        private double baseVolatility = 0.0004;
        private double meanRegimeBars = 240;
        private double overnightVolatility = 0.004;
        private double baseVolume = 1000;

        private Builder() {}

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder instrument(Instrument value) {
            this.instrument = Objects.requireNonNull(value, "instrument");
            return this;
        }

        public Builder hours(MarketHours value) {
            this.hours = Objects.requireNonNull(value, "hours");
            return this;
        }

        public Builder firstDate(LocalDate value) {
            this.firstDate = Objects.requireNonNull(value, "firstDate");
            return this;
        }

        /** Trading sessions to generate (20 by default). */
        public Builder sessions(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("sessions must be >= 1, got " + value);
            }
            this.sessions = value;
            return this;
        }

        public Builder startPrice(double value) {
            Require.positive("startPrice", value);
            this.startPrice = value;
            return this;
        }

        /** Long-run standard deviation of 1-minute log returns in a trending regime (0.0004 by default). */
        public Builder baseVolatility(double value) {
            Require.positive("baseVolatility", value);
            this.baseVolatility = value;
            return this;
        }

        /** Mean number of bars a regime lasts (240 by default). */
        public Builder meanRegimeBars(double value) {
            if (!(value >= 1) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("meanRegimeBars must be a finite number >= 1, got " + value);
            }
            this.meanRegimeBars = value;
            return this;
        }

        /** Standard deviation of the log move between sessions (0.004 by default; 0 for no gaps). */
        public Builder overnightVolatility(double value) {
            Require.nonNegative("overnightVolatility", value);
            this.overnightVolatility = value;
            return this;
        }

        /** Mean volume of a mid-session bar (1000 by default). */
        public Builder baseVolume(double value) {
            Require.positive("baseVolume", value);
            this.baseVolume = value;
            return this;
        }

        public SyntheticMarket build() {
            return new SyntheticMarket(this);
        }
    }
}
