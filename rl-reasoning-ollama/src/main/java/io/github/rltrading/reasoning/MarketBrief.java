package io.github.rltrading.reasoning;

import io.github.rltrading.core.decision.ReasoningRequest;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.trading.ClosedTrade;
import io.github.rltrading.core.trading.PortfolioSnapshot;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a reasoning request into the short, numeric text a language model reads: returns over
 * several horizons, range, ATR, volume against its average, the policy's inputs by name, and the
 * account. Everything comes from bars at or before the decision (the request's history).
 */
public final class MarketBrief {

    /** At most this many indicators go into a prompt (the first ones, in the feature set's order). */
    static final int MAX_INDICATORS = 24;

    private MarketBrief() {}

    /** Values for the {@code pre-trade} and {@code risk} templates. */
    public static Map<String, String> of(ReasoningRequest request, String regime) {
        TradeProposal p = request.proposal();
        BarSeries h = request.history();
        PortfolioSnapshot a = request.portfolio();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("symbol", p.instrument().symbol());
        v.put("timeframe", h.timeframe().toString());
        v.put("time", p.time().toString());
        v.put("current", num(p.currentQuantity()));
        v.put("target", num(p.targetQuantity()));
        v.put("direction", direction(p));
        v.put("price", num(p.referencePrice()));
        v.put("policy_confidence", String.format(Locale.ROOT, "%.2f", p.decision().confidence()));
        v.put("policy_rationale", p.decision().rationale().isEmpty() ? "(none)" : p.decision().rationale());
        v.put("price_action", priceAction(h));
        v.put("volume", volume(h));
        v.put("indicators", indicators(request.indicators()));
        v.put("regime", regime == null || regime.isEmpty() ? "unknown" : regime);
        v.put("equity", money(a.equity()));
        v.put("position", num(p.currentQuantity()));
        v.put("unrealized", money(a.unrealizedPnl()));
        v.put("drawdown", a.peakEquity() > 0 ? pct((a.peakEquity() - a.equity()) / a.peakEquity()) : "n/a");
        return v;
    }

    /** Values for the {@code regime} template. */
    public static Map<String, String> ofBars(BarSeries h) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("symbol", h.symbol());
        v.put("price_action", priceAction(h));
        v.put("volume", volume(h));
        return v;
    }

    /** Values for the {@code post-trade} template. */
    public static Map<String, String> ofTrade(ClosedTrade t) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("symbol", t.symbol());
        v.put("side", t.side() == io.github.rltrading.core.trading.Side.BUY ? "long" : "short");
        v.put("quantity", num(t.maxQuantity()));
        v.put("entry_time", t.entryTime().toString());
        v.put("entry_price", num(t.entryPrice()));
        v.put("exit_time", t.exitTime().toString());
        v.put("exit_price", num(t.exitPrice()));
        v.put("pnl", money(t.netPnl()));
        v.put("commission", money(t.commission()));
        v.put("bars_held", java.time.Duration.between(t.entryTime(), t.exitTime()).toString());
        return v;
    }

    static String direction(TradeProposal p) {
        double c = p.currentQuantity();
        double t = p.targetQuantity();
        if (t == 0) {
            return "close";
        }
        if (Math.signum(t) != Math.signum(c) && c != 0) {
            return "reverse to " + (t > 0 ? "long" : "short");
        }
        if (Math.abs(t) > Math.abs(c)) {
            return (c == 0 ? "open " : "add to ") + (t > 0 ? "long" : "short");
        }
        return "reduce " + (t > 0 ? "long" : "short");
    }

    static String priceAction(BarSeries h) {
        if (h.isEmpty()) {
            return "no bars";
        }
        int last = h.size() - 1;
        StringBuilder s = new StringBuilder();
        s.append("last close ").append(num(h.close(last)));
        for (int k : new int[] {1, 5, 15, 60, 240}) {
            if (last - k >= 0) {
                s.append(", ").append(k).append("-bar return ").append(pct(h.close(last) / h.close(last - k) - 1));
            }
        }
        int from = Math.max(0, last - 59);
        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        for (int i = from; i <= last; i++) {
            hi = Math.max(hi, h.high(i));
            lo = Math.min(lo, h.low(i));
        }
        s.append("\nrange of the last ").append(last - from + 1).append(" bars ").append(num(lo)).append(" - ").append(num(hi));
        double atr = h.meanTrueRange(14);
        if (!Double.isNaN(atr)) {
            s.append(", ATR(14) ").append(num(atr));
        }
        return s.toString();
    }

    static String volume(BarSeries h) {
        int last = h.size() - 1;
        if (last < 5) {
            return "not enough bars";
        }
        double recent = mean(h, last - 4, last);
        double base = mean(h, Math.max(0, last - 49), last);
        return String.format(Locale.ROOT, "last 5 bars average %.0f, %.2fx the %d-bar average", recent,
                base > 0 ? recent / base : Double.NaN, Math.min(50, last + 1));
    }

    private static double mean(BarSeries h, int from, int to) {
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += h.volume(i);
        }
        return sum / (to - from + 1);
    }

    static String indicators(Map<String, Double> values) {
        if (values.isEmpty()) {
            return "(none)";
        }
        StringBuilder s = new StringBuilder();
        int n = 0;
        for (var e : values.entrySet()) {
            if (n++ == MAX_INDICATORS) {
                s.append("... and ").append(values.size() - MAX_INDICATORS).append(" more");
                break;
            }
            s.append(e.getKey()).append(" = ").append(Double.isFinite(e.getValue()) ? num(e.getValue()) : "n/a").append('\n');
        }
        return s.toString().strip();
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%+.2f%%", v * 100);
    }

    static String money(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }
}
