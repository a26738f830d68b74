package io.github.rltrading.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code rl report RUN_DIR}: a run folder's {@code metrics.json} (written by {@code rl backtest} and
 * {@code rl paper}) as a table, one row per policy, with the data the manifest names and the path of
 * {@code report.html}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print a run folder's metrics (metrics.json of 'rl backtest' or 'rl paper') as a table, and where its "
                + "HTML report is.")
final class ReportCommand extends CliCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The columns: metrics.json key, heading, how to show it. */
    private record Column(String key, String heading, String format, double scale) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("finalEquity", "FINAL EQUITY", "%,.2f", 1),
            new Column("totalReturn", "RETURN %", "%.2f", 100),
            new Column("sharpe", "SHARPE", "%.2f", 1),
            new Column("sortino", "SORTINO", "%.2f", 1),
            new Column("maxDrawdown", "MAX DD %", "%.2f", 100),
            new Column("winRate", "WIN %", "%.1f", 100),
            new Column("profitFactor", "PROFIT F.", "%.2f", 1),
            new Column("trades", "TRADES", "%.0f", 1),
            new Column("exposure", "EXPOSURE %", "%.1f", 100));

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, e.g. runs/backtest.")
    Path dir;

    @Override
    int execute() {
        Path metrics = dir.resolve("metrics.json");
        if (!Files.isDirectory(dir)) {
            throw new UsageError("RUN_DIR " + dir + ": no such folder; give a run folder written by 'rl backtest' or 'rl paper' "
                    + "(their --out, e.g. runs/backtest)");
        }
        if (!Files.isRegularFile(metrics)) {
            throw new UsageError("RUN_DIR " + dir + " has no metrics.json, so it is not a finished run folder; give the --out "
                    + "folder of 'rl backtest' or 'rl paper' (e.g. runs/backtest), or run one first");
        }
        JsonNode all = read(metrics);
        if (!all.isObject() || all.isEmpty()) {
            throw new UsageError(metrics + ": expected an object with one entry per policy (as 'rl backtest' writes), got "
                    + (all.isObject() ? "an empty object" : all.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        PrintStream o = out();
        Path manifest = dir.resolve("manifest.json");
        if (Files.isRegularFile(manifest)) {
            JsonNode m = read(manifest);
            JsonNode data = m.path("data");
            o.printf(Locale.ROOT, "Run %s: %s, %s bars of %s %s (%s .. %s), seed %s%n", dir, m.path("kind").asText("run"),
                    data.path("bars").asText("?"), data.path("symbol").asText("?"), data.path("timeframe").asText(""),
                    data.path("firstBarEnd").asText("?"), data.path("lastBarEnd").asText("?"), m.path("seed").asText("?"));
            o.println("Data: " + data.path("label").asText("?") + " (sha256 " + data.path("sha256").asText("?") + ")");
        } else {
            o.println("Run " + dir);
        }
        int nameWidth = 8;
        for (Map.Entry<String, JsonNode> e : all.properties()) {
            nameWidth = Math.max(nameWidth, e.getKey().length());
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-" + nameWidth + "s", "POLICY"));
        for (Column c : COLUMNS) {
            header.append(String.format(Locale.ROOT, " %13s", c.heading()));
        }
        o.println(header);
        for (Map.Entry<String, JsonNode> e : all.properties()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-" + nameWidth + "s", e.getKey()));
            for (Column c : COLUMNS) {
                JsonNode v = e.getValue().path(c.key());
                row.append(String.format(Locale.ROOT, " %13s", v.isNumber() ? String.format(Locale.ROOT, c.format(),
                        v.asDouble() * c.scale()) : "n/a"));
            }
            o.println(row);
        }
        List<String> files = new ArrayList<>();
        for (String f : List.of("equity.csv", "trades.csv", "journal")) {
            if (Files.exists(dir.resolve(f))) {
                files.add(f);
            }
        }
        if (!files.isEmpty()) {
            o.println("Also in the folder: " + String.join(", ", files));
        }
        Path html = dir.resolve("report.html");
        o.println(Files.isRegularFile(html) ? "Report: " + html.toAbsolutePath()
                : "No report.html in this folder (a paper run writes none; 'rl backtest' does)");
        return Rl.OK;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new UsageError(file + " is not valid JSON (" + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                    + "); it may have been cut short: run the backtest again", e);
        } catch (IOException e) {
            throw new UsageError(file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
