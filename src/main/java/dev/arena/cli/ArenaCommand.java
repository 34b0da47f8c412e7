package dev.arena.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The root command: only groups the subcommands and documents what they share. */
@Command(name = "arena",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Streams LLM answers from OpenRouter or any OpenAI-compatible server, with model fallback.",
        subcommands = {ChatCommand.class, DebateCommand.class, ModelsCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.HELP_0, ExitCode.HELP_1, ExitCode.HELP_2, ExitCode.HELP_3, ExitCode.HELP_130},
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  OPENROUTER_API_KEY  the API key (or --api-key-file FILE; never an argument)",
            "  ARENA_BASE_URL      default for --base-url",
            "  NO_COLOR            when set, no colours",
            "  ARENA_JAVA_OPTS     extra JVM options for the bin/arena launcher"})
public final class ArenaCommand {

    private Stdio stdio;

    /** The streams the subcommands read and write; the real ones unless a test gave others. */
    Stdio stdio() {
        if (stdio == null) {
            stdio = Stdio.system();
        }
        return stdio;
    }

    /** The fully wired command line, as {@code main} and the tests run it. */
    public static CommandLine commandLine(Stdio stdio) {
        ArenaCommand root = new ArenaCommand();
        root.stdio = stdio;
        CommandLine cl = new CommandLine(root);
        cl.setOut(new PrintWriter(new OutputStreamWriter(stdio.out(), StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(stdio.err(), StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler(ErrorHandlers::usageError);
        cl.setExecutionExceptionHandler(ErrorHandlers::unexpected);
        return cl;
    }
}
