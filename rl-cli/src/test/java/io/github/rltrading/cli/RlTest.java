package io.github.rltrading.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The top command: help everywhere, version, and the exit codes of usage errors. */
class RlTest {

    /** Every command path; the test below fails when a command is added without being listed here. */
    static List<String> commands() {
        return List.of("data", "data inspect", "train", "backtest", "paper", "serve-nt8", "learn", "learn watch", "learn status",
                "registry", "registry list", "registry show", "registry register", "registry promote", "registry rollback",
                "registry audit", "report", "predict", "hpo", "hpo show");
    }

    @Test
    void everyCommandIsListedForTheHelpTest() {
        List<String> found = new ArrayList<>();
        collect(Rl.commandLine(System.in, System.out, System.err), "", found);
        assertThat(found).containsExactlyInAnyOrderElementsOf(commands());
    }

    private static void collect(CommandLine cl, String prefix, List<String> out) {
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            String path = prefix.isEmpty() ? e.getKey() : prefix + " " + e.getKey();
            out.add(path);
            collect(e.getValue(), path, out);
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandHasHelpWithItsOptionsAndTheExitCodes(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        Cli.Result r = Cli.ok(args.toArray(String[]::new));
        assertThat(r.out()).startsWith("Usage: rl " + command).contains("-h, --help").contains("Exit codes:")
                .contains("2   bad usage or input");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theTopHelpListsTheCommands() {
        Cli.Result r = Cli.ok("--help");
        assertThat(r.out()).contains("data", "train", "backtest", "paper", "serve-nt8", "learn", "registry", "report", "predict");
    }

    @Test
    void versionIsTheBuildsOnTheTopCommandAndOnSubcommands() {
        assertThat(Cli.ok("--version").out()).startsWith("rl ").contains("RL Trading SDK").doesNotContain("${");
        assertThat(Cli.ok("train", "--version").out()).startsWith("rl ").contains("RL Trading SDK");
    }

    @Test
    void noCommandIsAUsageErrorThatSaysWhatToDo() {
        Cli.Result r = Cli.run();
        assertThat(r.code()).isEqualTo(Rl.USAGE);
        assertThat(r.err()).contains("name a command, e.g. 'rl backtest'").contains("Run 'rl --help'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMisspeltCommandGetsASuggestion() {
        Cli.Result r = Cli.run("backtst");
        assertThat(r.code()).isEqualTo(Rl.USAGE);
        assertThat(r.err()).contains("Unmatched argument at index 0: 'backtst'").contains("Did you mean: rl backtest");
    }

    @Test
    void anUnknownOptionAndABadValueAreUsageErrorsNamingThem() {
        Cli.Result unknown = Cli.run("backtest", "--colour", "red");
        assertThat(unknown.code()).isEqualTo(Rl.USAGE);
        assertThat(unknown.err()).contains("rl backtest: Unknown options: '--colour', 'red'").contains("Run 'rl backtest --help'");
        Cli.Result badNumber = Cli.run("train", "--steps", "many");
        assertThat(badNumber.code()).isEqualTo(Rl.USAGE);
        assertThat(badNumber.err()).contains("--steps").contains("'many'");
        Cli.Result badZone = Cli.run("data", "inspect", "x.csv", "--zone", "Mars/Olympus");
        assertThat(badZone.code()).isEqualTo(Rl.USAGE);
        assertThat(badZone.err()).contains("'Mars/Olympus' is not a time zone; give a region such as America/New_York");
    }

    @Test
    void aGroupWithoutItsSubcommandIsAUsageError() {
        Cli.Result r = Cli.run("data");
        assertThat(r.code()).isEqualTo(Rl.USAGE);
        assertThat(r.err()).contains("rl data: name a subcommand: 'rl data inspect FILE'");
        Cli.Result registry = Cli.run("registry");
        assertThat(registry.code()).isEqualTo(Rl.USAGE);
        assertThat(registry.err()).contains("name a subcommand: list, show, register, promote, rollback or audit");
    }

    @Test
    void durationsAreWrittenAsPeopleWriteThem() {
        assertThat(Converters.duration("30s")).hasSeconds(30);
        assertThat(Converters.duration("500ms")).hasMillis(500);
        assertThat(Converters.duration("5m")).hasMinutes(5);
        assertThat(Converters.duration("PT1H")).hasHours(1);
        Cli.Result r = Cli.run("learn", "watch", "--dir", ".", "--debounce", "soon");
        assertThat(r.code()).isEqualTo(Rl.USAGE);
        assertThat(r.err()).contains("'soon' is not a duration; write a whole number and a unit ms, s, m, h or d");
    }
}
