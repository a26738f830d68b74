package io.github.rltrading.reasoning.rules;

import io.github.rltrading.core.decision.Assessment;
import io.github.rltrading.core.decision.ReasoningRequest;
import io.github.rltrading.core.decision.Reflection;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.Reasoner;
import io.github.rltrading.core.trading.ClosedTrade;
import io.github.rltrading.reasoning.MarketRegime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reasoner that needs no language model: a deterministic assessment from
 *
 * <ul>
 *   <li><b>trend agreement</b> across three horizons (20, 100 and 300 bars: 1m, 5m and 15m trends
 *       on 1-minute bars), each up, down or flat by its return against the noise expected from the
 *       ATR;</li>
 *   <li><b>volatility regime</b>: the ATR(14) now as a percentile of the last 500 bars' ATR(14);
 *       extreme when in the top decile and at least 1.25 times the median;</li>
 *   <li><b>volume confirmation</b>: the last 5 bars' volume against the 50-bar average;</li>
 *   <li><b>distance from VWAP</b> over the last 390 bars (a US equity session of minutes), in
 *       volume-weighted standard deviations (VWAP bands); beyond 2 in the trade's direction is a chase.</li>
 * </ul>
 *
 * New risk with the trends (two or three agreeing, none against), normal volatility and no chase is
 * approved; with two or more trends against it is rejected; anything in between is halved (or
 * quartered when volatility is extreme or price is stretched from VWAP). Reducing or closing is
 * always approved. The same request always gives the same answer, with readable reasons; it runs in
 * microseconds, so the quickstart shows rationales without Ollama.
 */
public final class RulesReasoner implements Reasoner {

    static final int[] HORIZONS = {20, 100, 300};
    static final String SOURCE = "rules";

    /** The indicators behind an answer (also used for the regime). */
    record Reading(int[] trends, double atr, double volatilityPercentile, double volumeRatio, double vwapDistance,
                   int bars, boolean extremeVolatility) {}

    @Override
    public Assessment assess(ReasoningRequest request) {
        TradeProposal p = request.proposal();
        if (!p.increasesRisk()) {
            return new Assessment(Assessment.Verdict.APPROVE, 0.9, 0.1, 1.0, List.of("the trade reduces risk"), "", SOURCE);
        }
        BarSeries h = request.history();
        Reading r = read(h);
        int direction = p.targetQuantity() > p.currentQuantity() ? 1 : -1;
        if (r == null) {
            return new Assessment(Assessment.Verdict.MODIFY, 0.4, 0.5, 0.5, List.of("only " + h.size()
                    + " bars of history: too few to judge the trend; half size"), "wait for more bars", SOURCE);
        }
        List<String> reasons = new ArrayList<>();
        int agree = 0;
        int against = 0;
        List<String> agreeing = new ArrayList<>();
        List<String> opposing = new ArrayList<>();
        for (int k = 0; k < HORIZONS.length; k++) {
            if (r.trends()[k] == 0) {
                continue;
            }
            String label = horizonLabel(h.timeframe(), HORIZONS[k]);
            if (r.trends()[k] == direction) {
                agree++;
                agreeing.add(label);
            } else {
                against++;
                opposing.add(label);
            }
        }
        String side = direction > 0 ? "long" : "short";
        if (!agreeing.isEmpty()) {
            reasons.add("the " + String.join(", ", agreeing) + " trend" + (agreeing.size() > 1 ? "s agree" : " agrees")
                    + " with going " + side);
        }
        if (!opposing.isEmpty()) {
            reasons.add("the " + String.join(", ", opposing) + " trend" + (opposing.size() > 1 ? "s point" : " points")
                    + " the other way");
        }
        if (agreeing.isEmpty() && opposing.isEmpty()) {
            reasons.add("no clear trend on any horizon");
        }
        boolean extremeVolatility = r.extremeVolatility();
        reasons.add(String.format(Locale.ROOT, "ATR(14) %.4g is at the %.0fth percentile of the last %d bars%s",
                r.atr(), r.volatilityPercentile() * 100, Math.min(500, r.bars()), extremeVolatility ? " (extreme)" : ""));
        boolean volumeConfirms = r.volumeRatio() >= 1.0;
        reasons.add(String.format(Locale.ROOT, "volume is %.2fx its 50-bar average%s", r.volumeRatio(),
                volumeConfirms ? " (confirms)" : " (does not confirm)"));
        boolean chasing = r.vwapDistance() * direction > 2.0;
        reasons.add(String.format(Locale.ROOT, "price is %+.1f sigma from the %d-bar VWAP%s", r.vwapDistance(),
                Math.min(390, r.bars()), chasing ? ": chasing a stretched move" : ""));
        double risk = clamp(0.2 + 0.5 * r.volatilityPercentile() + (chasing ? 0.2 : 0) + 0.1 * against);
        if (against >= 2) {
            return new Assessment(Assessment.Verdict.REJECT, clamp(0.55 + 0.1 * against), risk, 0.0, reasons,
                    "stay " + (p.currentQuantity() == 0 ? "flat" : "as is") + " until the trends turn", SOURCE);
        }
        int score = agree - against;
        if (score >= 2 && !extremeVolatility && !chasing) {
            return new Assessment(Assessment.Verdict.APPROVE, clamp(0.6 + 0.1 * score + (volumeConfirms ? 0.05 : 0)),
                    risk, 1.0, reasons, "", SOURCE);
        }
        double multiplier = extremeVolatility || chasing ? 0.25 : 0.5;
        return new Assessment(Assessment.Verdict.MODIFY, 0.5, risk, multiplier, reasons,
                "trade " + (int) (multiplier * 100) + " % of the size", SOURCE);
    }

    /** The regime from the same indicators: volatile, trending up or down (long horizon), or ranging. */
    public MarketRegime regime(BarSeries h) {
        Reading r = read(h);
        java.time.Instant asOf = h.isEmpty() ? java.time.Instant.EPOCH : h.endTime(h.size() - 1);
        if (r == null) {
            return new MarketRegime(MarketRegime.Kind.RANGING, 0.2, "too few bars to tell", asOf, SOURCE);
        }
        if (r.extremeVolatility()) {
            return new MarketRegime(MarketRegime.Kind.VOLATILE, r.volatilityPercentile(), String.format(Locale.ROOT,
                    "ATR at the %.0fth percentile", r.volatilityPercentile() * 100), asOf, SOURCE);
        }
        int up = 0;
        int down = 0;
        for (int t : r.trends()) {
            up += t > 0 ? 1 : 0;
            down += t < 0 ? 1 : 0;
        }
        if (up >= 2 && down == 0) {
            return new MarketRegime(MarketRegime.Kind.TRENDING_UP, 0.5 + 0.15 * up, up + " of 3 horizons rising", asOf, SOURCE);
        }
        if (down >= 2 && up == 0) {
            return new MarketRegime(MarketRegime.Kind.TRENDING_DOWN, 0.5 + 0.15 * down, down + " of 3 horizons falling",
                    asOf, SOURCE);
        }
        return new MarketRegime(MarketRegime.Kind.RANGING, 0.6, "the horizons disagree or are flat", asOf, SOURCE);
    }

    @Override
    public Reflection reflect(ClosedTrade t) {
        double pnl = t.netPnl();
        List<String> lessons = new ArrayList<>();
        String held = java.time.Duration.between(t.entryTime(), t.exitTime()).toString();
        if (pnl < 0 && t.commission() > Math.abs(t.grossPnl()) * 0.5) {
            lessons.add("commissions were over half the gross move: trade less often or for larger moves");
        }
        if (pnl < 0) {
            lessons.add("the " + (t.side() == io.github.rltrading.core.trading.Side.BUY ? "long" : "short")
                    + " lost " + String.format(Locale.ROOT, "%.2f", -pnl) + " over " + held);
        }
        return new Reflection(t.symbol() + "@" + t.entryTime(), pnl > 0 ? String.format(Locale.ROOT,
                "the trade made %.2f net over %s", pnl, held) : "nothing", List.of(), "not assessed by the rules reasoner",
                lessons, "", SOURCE);
    }

    static Reading read(BarSeries h) {
        int n = h.size();
        if (n < HORIZONS[0] + 15) {
            return null;
        }
        int last = n - 1;
        double atr = h.meanTrueRange(14);
        int[] trends = new int[HORIZONS.length];
        for (int k = 0; k < HORIZONS.length; k++) {
            int horizon = HORIZONS[k];
            if (last - horizon < 0) {
                continue;
            }
            double move = h.close(last) - h.close(last - horizon);
            // A move smaller than half the ATR-scaled noise of a random walk over the horizon is flat.
            double noise = 0.5 * atr * Math.sqrt(horizon);
            trends[k] = move > noise ? 1 : move < -noise ? -1 : 0;
        }
        // ATR(14) at each of the last (up to) 500 bars, from prefix sums of the true range.
        int from = Math.max(1, n - 500);
        double[] tr = new double[n];
        for (int i = 1; i < n; i++) {
            double pc = h.close(i - 1);
            tr[i] = Math.max(h.high(i), pc) - Math.min(h.low(i), pc);
        }
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + tr[i];
        }
        int first = Math.max(from, 14);
        double[] atrs = new double[Math.max(0, last - first + 1)];
        int below = 0;
        for (int i = first; i <= last; i++) {
            double a = (prefix[i + 1] - prefix[i - 13]) / 14;
            atrs[i - first] = a;
            below += a <= atr + 1e-12 ? 1 : 0;
        }
        double percentile = atrs.length == 0 ? 0.5 : (double) below / atrs.length;
        java.util.Arrays.sort(atrs);
        double median = atrs.length == 0 ? atr : atrs[atrs.length / 2];
        // Extreme: in the top decile and clearly above the typical level (a steady market's ATR
        // wobbles within a hair of its median, and its top decile means nothing).
        boolean extreme = percentile >= 0.9 && atr >= 1.25 * median;
        double recentVolume = 0;
        for (int i = last - 4; i <= last; i++) {
            recentVolume += h.volume(i);
        }
        recentVolume /= 5;
        double baseVolume = 0;
        int vb = Math.min(50, n);
        for (int i = n - vb; i <= last; i++) {
            baseVolume += h.volume(i);
        }
        baseVolume /= vb;
        double pv = 0;
        double v = 0;
        for (int i = Math.max(0, n - 390); i <= last; i++) {
            double typical = (h.high(i) + h.low(i) + h.close(i)) / 3;
            pv += typical * h.volume(i);
            v += h.volume(i);
        }
        double vwap = v > 0 ? pv / v : h.close(last);
        // Volume-weighted deviation of the typical price around VWAP: the usual VWAP bands. A steady
        // linear trend ends about 1.7 of them from its VWAP; beyond 2 the move is stretched.
        double var = 0;
        for (int i = Math.max(0, n - 390); i <= last; i++) {
            double d = (h.high(i) + h.low(i) + h.close(i)) / 3 - vwap;
            var += d * d * h.volume(i);
        }
        // At least one ATR: in a flat market the bands shrink to nothing and any tick would look stretched.
        double sigma = Math.max(v > 0 ? Math.sqrt(var / v) : 0, atr);
        double distance = sigma > 0 ? (h.close(last) - vwap) / sigma : 0;
        return new Reading(trends, atr, percentile, baseVolume > 0 ? recentVolume / baseVolume : 1.0, distance, n, extreme);
    }

    static String horizonLabel(Timeframe tf, int bars) {
        if (tf.equals(Timeframe.M1)) {
            return switch (bars) {
                case 20 -> "1m";
                case 100 -> "5m";
                case 300 -> "15m";
                default -> bars + "-bar";
            };
        }
        return bars + "-bar";
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
