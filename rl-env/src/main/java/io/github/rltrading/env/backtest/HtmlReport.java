package io.github.rltrading.env.backtest;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.metrics.PerformanceReport;
import io.github.rltrading.core.trading.Fill;
import io.github.rltrading.core.trading.Side;
import io.github.rltrading.core.util.IsoTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The backtest report: one HTML file with inline SVG charts and no script or external resource,
 * so it opens offline in any browser. Long series are thinned to at most {@value #MAX_POINTS}
 * points per line (keeping each bucket's lowest and highest value, so spikes and drawdowns stay
 * visible); fills beyond {@value #MAX_MARKERS} are not drawn (the page says so).
 */
final class HtmlReport {

    static final int MAX_POINTS = 1500;
    static final int MAX_MARKERS = 1500;
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};
    private static final int W = 1100;
    private static final int H = 260;
    private static final int PAD = 60;

    private final BarSeries bars;
    private final Instrument instrument;
    private final String dataLabel;
    private final Map<String, Backtester.PolicyRun> runs;

    HtmlReport(BarSeries bars, Instrument instrument, String dataLabel, Map<String, Backtester.PolicyRun> runs) {
        this.bars = bars;
        this.instrument = instrument;
        this.dataLabel = dataLabel;
        this.runs = runs;
    }

    String render() {
        StringBuilder h = new StringBuilder(1 << 20);
        String main = runs.keySet().iterator().next();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Backtest: ")
                .append(esc(main)).append(" on ").append(esc(dataLabel)).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}th{background:#f3f3f3}")
                .append("td:first-child,th:first-child{text-align:left}svg{background:#fff;border:1px solid #ddd}")
                .append(".warn{background:#fff3cd;padding:8px;border:1px solid #e0c060}.legend span{margin-right:16px}")
                .append("</style></head><body>\n");
        h.append("<h1>Backtest: ").append(esc(main)).append("</h1>\n<p>Data: <b>").append(esc(dataLabel)).append("</b>, ")
                .append(bars.size()).append(" bars of ").append(esc(bars.symbol())).append(' ').append(bars.timeframe());
        if (bars.size() > 0) {
            h.append(", ").append(bars.endTime(0)).append(" to ").append(bars.endTime(bars.size() - 1));
        }
        h.append(". Instrument ").append(esc(instrument.symbol())).append(", tick ").append(instrument.tickSize())
                .append(", point value ").append(instrument.pointValue()).append(".</p>\n");
        if (bars.symbol().startsWith("SYNTHETIC-")) {
            h.append("<p class=\"warn\">These bars are <b>synthetic</b>, not market data.</p>\n");
        }
        h.append("<p>Every policy ran through the same trading session with the simulated broker: decisions on a bar's close,"
                + " fills at the next bar's open with slippage and commission. Hover over a fill marker for the decision behind it.</p>\n");
        for (Backtester.PolicyRun r : runs.values()) {
            if (r.wipedOutAtBar() >= 0) {
                h.append("<p class=\"warn\"><b>").append(esc(r.name())).append("</b> lost the whole account at bar ")
                        .append(r.wipedOutAtBar()).append(" (").append(bars.endTime(r.wipedOutAtBar()))
                        .append("); a broker would have liquidated it. Its metrics cover the bars before.</p>\n");
            }
        }
        metricsTable(h);
        legend(h);
        h.append("<h2>Equity</h2>\n");
        lineChart(h, "equity", true);
        h.append("<h2>Drawdown</h2>\n");
        lineChart(h, "drawdown", false);
        for (Backtester.PolicyRun r : runs.values()) {
            if (!r.fills().isEmpty()) {
                h.append("<h2>Price and fills of ").append(esc(r.name())).append("</h2>\n");
                priceChart(h, r);
            }
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private void metricsTable(StringBuilder h) {
        h.append("<h2>Metrics</h2>\n<table><tr><th>metric</th>");
        for (String name : runs.keySet()) {
            h.append("<th>").append(esc(name)).append("</th>");
        }
        h.append("</tr>\n");
        row(h, "final equity", r -> money(r.session().finalEquity()));
        row(h, "total return", r -> pct(r.metrics().totalReturn()));
        row(h, "annual return", r -> pct(r.metrics().annualReturn()));
        row(h, "annual volatility", r -> pct(r.metrics().annualVolatility()));
        row(h, "Sharpe", r -> num(r.metrics().sharpe()));
        row(h, "Sortino", r -> num(r.metrics().sortino()));
        row(h, "max drawdown", r -> pct(r.metrics().maxDrawdown().value()));
        row(h, "Calmar", r -> num(r.metrics().calmar()));
        row(h, "round trips", r -> Integer.toString(r.metrics().numberOfTrades()));
        row(h, "win rate", r -> pct(r.metrics().winRate()));
        row(h, "profit factor", r -> num(r.metrics().profitFactor()));
        row(h, "exposure", r -> pct(r.metrics().exposure()));
        row(h, "fills", r -> Integer.toString(r.fills().size()));
        h.append("</table>\n");
    }

    private interface Cell {
        String of(Backtester.PolicyRun run);
    }

    private void row(StringBuilder h, String label, Cell cell) {
        h.append("<tr><td>").append(label).append("</td>");
        for (Backtester.PolicyRun r : runs.values()) {
            h.append("<td>").append(cell.of(r)).append("</td>");
        }
        h.append("</tr>\n");
    }

    private void legend(StringBuilder h) {
        h.append("<p class=\"legend\">");
        int k = 0;
        for (String name : runs.keySet()) {
            h.append("<span style=\"color:").append(COLORS[k++ % COLORS.length]).append("\">&#9632; ").append(esc(name))
                    .append("</span>");
        }
        h.append("</p>\n");
    }

    private static double[] drawdown(double[] equity) {
        double[] dd = new double[equity.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            dd[i] = peak > 0 ? equity[i] / peak - 1 : 0;
        }
        return dd;
    }

    private void lineChart(StringBuilder h, String what, boolean equity) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[][] series = new double[runs.size()][];
        int k = 0;
        for (Backtester.PolicyRun r : runs.values()) {
            double[] v = equity ? r.session().equity() : drawdown(r.session().equity());
            series[k++] = v;
            for (double x : v) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (!(hi >= lo)) {
            h.append("<p>No data.</p>\n");
            return;
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        svgOpen(h, what, lo, hi, equity ? "%.0f" : "%.1f%%", equity ? 1 : 100);
        k = 0;
        for (double[] v : series) {
            polyline(h, v, lo, hi, COLORS[k++ % COLORS.length]);
        }
        h.append("</svg>\n");
    }

    private void priceChart(StringBuilder h, Backtester.PolicyRun run) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] closes = new double[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            closes[i] = bars.close(i);
            lo = Math.min(lo, bars.low(i));
            hi = Math.max(hi, bars.high(i));
        }
        if (bars.size() == 0) {
            h.append("<p>No data.</p>\n");
            return;
        }
        svgOpen(h, "price", lo, hi, "%.2f", 1);
        polyline(h, closes, lo, hi, "#555");
        List<Fill> fills = run.fills();
        List<Backtester.DecisionPoint> decisions = run.decisions();
        int d = 0;
        int drawn = 0;
        for (Fill f : fills) {
            if (drawn >= MAX_MARKERS) {
                break;
            }
            long t = f.time().toEpochMilli();
            while (d + 1 < decisions.size() && decisions.get(d + 1).timeMillis() <= t) {
                d++;
            }
            String why = decisions.isEmpty() || decisions.get(d).timeMillis() > t ? "" : decisions.get(d).rationale();
            int i = Math.max(0, bars.lastIndexAtOrBefore(t + bars.timeframe().millis()));
            double x = x(i);
            double y = y(f.price(), lo, hi);
            boolean buy = f.side() == Side.BUY;
            double tip = buy ? 2 : -2; // a triangle pointing at the fill price from below (buy) or above (sell)
            double base = buy ? 11 : -11;
            h.append("<polygon points=\"");
            fmt(h, x).append(',');
            fmt(h, y + tip).append(' ');
            fmt(h, x - 5).append(',');
            fmt(h, y + base).append(' ');
            fmt(h, x + 5).append(',');
            fmt(h, y + base);
            h.append("\" fill=\"").append(buy ? "#2ca02c" : "#d62728").append("\"><title>").append(f.side()).append(' ')
                    .append(f.quantity()).append(" at ").append(f.price()).append(", ").append(IsoTime.format(f.time()))
                    .append("\ndecision: ");
            esc(h, why).append("</title></polygon>\n");
            drawn++;
        }
        h.append("</svg>\n");
        if (fills.size() > drawn) {
            h.append("<p>").append(fills.size() - drawn).append(" more fills are not drawn (see trades.csv and the journal).</p>\n");
        }
    }

    private void svgOpen(StringBuilder h, String label, double lo, double hi, String format, double scale) {
        h.append("<svg width=\"").append(W).append("\" height=\"").append(H).append("\" viewBox=\"0 0 ").append(W).append(' ')
                .append(H).append("\" role=\"img\" aria-label=\"").append(label).append("\">\n");
        for (int g = 0; g <= 4; g++) {
            double v = lo + (hi - lo) * g / 4;
            double y = y(v, lo, hi);
            h.append("<line x1=\"").append(PAD).append("\" x2=\"").append(W - 10).append("\" y1=\"").append(fmt(y))
                    .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#eee\"/>");
            h.append("<text x=\"4\" y=\"").append(fmt(y + 4)).append("\" font-size=\"11\">")
                    .append(String.format(Locale.ROOT, format, v * scale)).append("</text>\n");
        }
        if (bars.size() > 0) {
            h.append("<text x=\"").append(PAD).append("\" y=\"").append(H - 4).append("\" font-size=\"11\">")
                    .append(bars.endTime(0)).append("</text><text x=\"").append(W - 200).append("\" y=\"").append(H - 4)
                    .append("\" font-size=\"11\">").append(bars.endTime(bars.size() - 1)).append("</text>\n");
        }
    }

    private double x(int i) {
        int n = Math.max(1, bars.size() - 1);
        return PAD + (double) i / n * (W - PAD - 10);
    }

    private static double y(double v, double lo, double hi) {
        return 10 + (1 - (v - lo) / (hi - lo)) * (H - 30);
    }

    /** A polyline thinned to about MAX_POINTS points, keeping each bucket's min and max in time order. */
    private void polyline(StringBuilder h, double[] v, double lo, double hi, String color) {
        h.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.2\" points=\"");
        int buckets = Math.max(1, MAX_POINTS / 2);
        int per = Math.max(1, (v.length + buckets - 1) / buckets);
        for (int start = 0; start < v.length; start += per) {
            int end = Math.min(v.length, start + per);
            int min = start;
            int max = start;
            for (int i = start; i < end; i++) {
                if (v[i] < v[min]) {
                    min = i;
                }
                if (v[i] > v[max]) {
                    max = i;
                }
            }
            int a = Math.min(min, max);
            int b = Math.max(min, max);
            fmt(h, x(a)).append(',');
            fmt(h, y(v[a], lo, hi)).append(' ');
            if (b != a) {
                fmt(h, x(b)).append(',');
                fmt(h, y(v[b], lo, hi)).append(' ');
            }
        }
        h.append("\"/>\n");
    }

    /** One decimal, rounded half away from zero ({@code String.format("%.1f")} is ten times slower). */
    static String fmt(double v) {
        return fmt(new StringBuilder(12), v).toString();
    }

    /** Appends {@link #fmt(double)}'s text: the chart coordinates go straight into the page. */
    static StringBuilder fmt(StringBuilder out, double v) {
        long tenths = Math.round(Math.abs(v) * 10);
        if (v < 0 && tenths != 0) {
            out.append('-');
        }
        return out.append(tenths / 10).append('.').append((char) ('0' + (int) (tenths % 10)));
    }

    private static String money(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.2f", v) : "n/a";
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", v * 100) : "n/a";
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }

    static String esc(String s) {
        return esc(new StringBuilder(s.length() + 8), s).toString();
    }

    /** Appends {@code s} escaped for HTML text and attributes. */
    static StringBuilder esc(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out;
    }
}
