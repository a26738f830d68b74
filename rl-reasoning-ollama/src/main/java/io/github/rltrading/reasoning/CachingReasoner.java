package io.github.rltrading.reasoning;

import io.github.rltrading.core.decision.Assessment;
import io.github.rltrading.core.decision.ReasoningRequest;
import io.github.rltrading.core.decision.Reflection;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.spi.Reasoner;
import io.github.rltrading.core.trading.ClosedTrade;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers assessments for similar market states, so a slow reasoner is asked once per state
 * rather than on every bar. Two requests are similar when they are for the same symbol and kind of
 * change (open long, add short, reverse, ...) and every indicator rounds to the same value at
 * {@code significantDigits} significant digits. Entries expire {@code ttl} after they were made,
 * measured on the requests' own decision times (so a replay behaves as live trading did).
 *
 * <pre>{@code
 * Reasoner cached = new CachingReasoner(llm, 2, Duration.ofMinutes(5), 10_000);
 * }</pre>
 *
 * Thread-safe. {@link #hits()} and {@link #misses()} give the hit rate.
 */
public final class CachingReasoner implements Reasoner {

    private record Key(String symbol, String change, long[] quantised) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && symbol.equals(k.symbol) && change.equals(k.change)
                    && Arrays.equals(quantised, k.quantised);
        }

        @Override
        public int hashCode() {
            return Objects.hash(symbol, change) * 31 + Arrays.hashCode(quantised);
        }
    }

    private record Cached(Assessment assessment, long expiresAtMillis) {}

    private final Reasoner delegate;
    private final int significantDigits;
    private final long ttlMillis;
    private final Map<Key, Cached> entries;
    private long hits;
    private long misses;

    public CachingReasoner(Reasoner delegate, int significantDigits, Duration ttl, int maxEntries) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (significantDigits < 1 || significantDigits > 15) {
            throw new IllegalArgumentException("significantDigits must be in [1, 15], got " + significantDigits);
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("cache ttl must be > 0, got " + ttl);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be >= 1, got " + maxEntries);
        }
        this.significantDigits = significantDigits;
        this.ttlMillis = ttl.toMillis();
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public Assessment assess(ReasoningRequest request) {
        Assessment cached = assessNow(request);
        if (cached != null) {
            return cached;
        }
        synchronized (this) {
            misses++;
        }
        Assessment fresh = delegate.assess(request); // outside the lock: it may take seconds
        synchronized (this) {
            entries.put(key(request), new Cached(fresh, request.proposal().time().toEpochMilli() + ttlMillis));
        }
        return fresh;
    }

    /** The cached assessment for a similar state, or null (counted as a hit or a miss). Never blocks on the delegate. */
    @Override
    public Assessment assessNow(ReasoningRequest request) {
        Key key = key(request);
        long now = request.proposal().time().toEpochMilli();
        synchronized (this) {
            Cached e = entries.get(key);
            if (e != null && now < e.expiresAtMillis()) {
                hits++;
                return e.assessment();
            }
        }
        return null;
    }

    private Key key(ReasoningRequest request) {
        TradeProposal p = request.proposal();
        long[] q = new long[request.indicators().size()];
        int i = 0;
        for (double v : request.indicators().values()) {
            q[i++] = quantise(v);
        }
        return new Key(p.instrument().symbol(), MarketBrief.direction(p), q);
    }

    /** The value rounded to the significant digits, as the bits of a double (NaN maps to one key). */
    long quantise(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return Double.doubleToLongBits(Double.isNaN(v) ? Double.NaN : v);
        }
        double magnitude = Math.pow(10, significantDigits - 1 - (int) Math.floor(Math.log10(Math.abs(v))));
        return Double.doubleToLongBits(Math.rint(v * magnitude) / magnitude);
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    /** Hits over lookups, NaN before the first. */
    public synchronized double hitRate() {
        long total = hits + misses;
        return total == 0 ? Double.NaN : (double) hits / total;
    }

    @Override
    public Reflection reflect(ClosedTrade trade) {
        return delegate.reflect(trade);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
