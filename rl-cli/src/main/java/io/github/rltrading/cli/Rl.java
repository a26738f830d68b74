package io.github.rltrading.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code rl} command: every task of the SDK from a shell, and {@code predict} for hosts that call
 * the SDK as a process. {@code rl --help} lists the commands; {@code rl COMMAND --help} explains one.
 *
 * <p>Exit codes, the same for every command:
 * <ul>
 *   <li>{@value #OK}: it did what was asked;</li>
 *   <li>{@value #FAILED}: it was asked correctly but failed while running (a training or learning run
 *       that failed, a session error, a file that could not be written);</li>
 *   <li>{@value #USAGE}: the request was wrong: an unknown command or option, a bad value, a missing
 *       or malformed input file, an unknown model version. The message names the input, the value and
 *       the fix.</li>
 * </ul>
 *
 * <p>Tests and hosts that must not end the JVM call {@link #run(InputStream, PrintStream, PrintStream, String...)}
 * instead of {@link #main}; a failure's stack trace goes to standard error too when the environment
 * variable {@code RL_DEBUG} or the system property {@code rl.debug} is set.
 *
 * <pre>{@code
 * int code = Rl.run(System.out, System.err, "backtest", "--policy", "ema-cross", "--out", "runs/bt");
 * }</pre>
 */
// scope INHERIT: every subcommand gets --help, --version, the exit-code list and the footer.
@Command(name = "rl", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = Rl.Version.class,
        sortOptions = false,
        description = {"Reinforcement-learning trading from the command line: inspect data, train, backtest, paper-trade a "
                + "replay, trade through NinjaTrader 8, learn continuously, manage the model registry, read run reports, "
                + "and predict from a JSON market snapshot."},
        subcommands = {DataCommand.class, TrainCommand.class, BacktestCommand.class, PaperCommand.class, ServeNt8Command.class,
                LearnCommand.class, HpoCommand.class, RegistryCommand.class, ReportCommand.class, PredictCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failed while running (see the message)",
                "2:bad usage or input: unknown option, bad value, missing or malformed file"},
        footer = {"", "Documentation: docs/cli.md. Run 'rl COMMAND --help' for a command's options."})
public final class Rl implements Runnable {

    /** It did what was asked. */
    public static final int OK = 0;
    /** It was asked correctly but failed while running. */
    public static final int FAILED = 1;
    /** The request was wrong: usage, a value, or an input file. */
    public static final int USAGE = 2;

    final InputStream in;
    final PrintStream out;
    final PrintStream err;

    @Spec
    CommandSpec spec;

    private Rl(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code rl} with {@code args} and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(System.in, System.out, System.err, args));
    }

    /**
     * Runs {@code rl} with {@code args}, reading standard input from {@link System#in}, and returns its
     * exit code without ending the JVM.
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(System.in, out, err, args);
    }

    /**
     * Runs {@code rl} with {@code args}, reading standard input (for {@code predict}) from {@code in},
     * and returns its exit code ({@link #OK}, {@link #FAILED} or {@link #USAGE}) without ending the JVM.
     */
    public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        defaultSystemProperty("ai.djl.offline", "true"); // the PyTorch natives ship in the jars: never download
        // One PyTorch thread unless told otherwise: the same seed then trains the same model, bit for bit.
        defaultSystemProperty("ai.djl.pytorch.num_threads", "1");
        defaultSystemProperty("ai.djl.pytorch.num_interop_threads", "1");
        int code = commandLine(in, out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The configured command line over these streams (the tests walk its commands). */
    static CommandLine commandLine(InputStream in, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Rl(in, out, err));
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Rl::usageProblem);
        cl.setExecutionExceptionHandler((e, command, parsed) -> failure(e, command));
        return cl;
    }

    /** {@code rl} alone names no command: a usage error that lists them. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command, e.g. 'rl backtest'; 'rl --help' lists them all");
    }

    private static void defaultSystemProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** A wrong command line: the message, suggestions for a misspelt name, and where the help is. */
    private static int usageProblem(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(name(cmd) + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + name(cmd) + " --help' for the options.");
        err.flush();
        return USAGE;
    }

    /** A command that threw: an input problem is a usage error, anything else a failure. */
    private static int failure(Exception e, CommandLine cmd) {
        PrintWriter err = cmd.getErr();
        if (e instanceof UsageError) {
            err.println(name(cmd) + ": " + e.getMessage());
        } else {
            err.println(name(cmd) + ": failed: " + describe(e));
        }
        if (debug()) {
            e.printStackTrace(err);
        } else if (!(e instanceof UsageError)) {
            err.println("(set RL_DEBUG=1 for the stack trace)");
        }
        err.flush();
        return e instanceof UsageError ? USAGE : FAILED;
    }

    /** The exception's message with its causes' messages, which often hold the useful part. */
    static String describe(Throwable e) {
        StringBuilder s = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !s.toString().contains(c.getMessage())) {
                s.append(" (caused by: ").append(c.getMessage()).append(')');
            }
        }
        return s.toString();
    }

    private static boolean debug() {
        String env = System.getenv("RL_DEBUG");
        return (env != null && !env.isBlank() && !env.equals("0")) || Boolean.getBoolean("rl.debug");
    }

    /** {@code rl data inspect}: the command's full name, for messages. */
    static String name(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName(" ");
    }

    /** The version from the build ({@code version.properties}, filtered by Maven). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Rl.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the version of rl: " + e.getMessage(), e);
            }
            return new String[] {"rl " + p.getProperty("version", "(development build)") + " (RL Trading SDK)",
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
