package io.github.rltrading.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the streams {@link Rl#run} was given (never {@code System.out}
 * directly, so tests and hosts capture everything) and its exit code.
 */
abstract class CliCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Does the work; returns the exit code ({@link Rl#OK} unless it says otherwise). */
    abstract int execute() throws Exception;

    @Override
    public final Integer call() throws Exception {
        return execute();
    }

    private Rl root() {
        return (Rl) spec.root().userObject();
    }

    PrintStream out() {
        return root().out;
    }

    PrintStream err() {
        return root().err;
    }

    InputStream in() {
        return root().in;
    }

    /** {@code rl learn watch}: this command's full name, for messages. */
    String name() {
        return spec.qualifiedName(" ");
    }
}
