package io.github.rltrading.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/** {@code rl data}: commands on bar files. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Commands on bar files.",
        subcommands = DataInspectCommand.class)
final class DataCommand extends CliCommand {

    @Override
    int execute() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: 'rl data inspect FILE'");
    }
}
