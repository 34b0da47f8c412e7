package dev.arena.cli;

import dev.arena.catalog.Aliases;
import dev.arena.catalog.Catalog;
import dev.arena.catalog.ModelInfo;
import dev.arena.catalog.ModelJson;
import dev.arena.catalog.ModelSort;
import dev.arena.output.OutputFailedException;
import dev.arena.output.TextSink;
import dev.arena.output.TextTable;
import dev.arena.terminal.Terminals;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code arena models}: the server's model catalogue, filtered and sorted, for people and scripts. */
@Command(addMethodSubcommands = false, name = "models", sortOptions = false, mixinStandardHelpOptions = true,
        subcommands = ModelsShowCommand.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.HELP_0, ExitCode.HELP_1, ExitCode.HELP_2, ExitCode.HELP_3},
        description = {"List the models of the server (OpenRouter, or any OpenAI-compatible server), "
                + "with context length and prices per million tokens.",
            "The list is cached for 24 hours in arena's cache directory under $XDG_CACHE_HOME; "
                + "without network the cache is used, however old, and without either a built-in list.",
            "On a terminal: an aligned table. On a pipe: tab-separated rows without a header "
                + "(id, name, context, prompt and completion USD per million tokens; '-' when unknown)."})
final class ModelsCommand implements Callable<Integer>, JsonErrorEvents {

    static final int DEFAULT_WIDTH = 100;

    enum Sort { price, context, name, newest }

    @ParentCommand
    ArenaCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--search", paramLabel = "TEXT", description = "Only models whose id or name contains TEXT (ignoring case).")
    String search;

    @Option(names = "--free", description = "Only models whose prompt and completion are free.")
    boolean free;

    @Option(names = "--max-price", paramLabel = "USD", converter = OptionConverters.MaxPrice.class,
            description = "Only models whose prompt and completion prices are both at most USD per million tokens.")
    BigDecimal maxPrice;

    @Option(names = "--min-context", paramLabel = "N", converter = OptionConverters.MinContext.class, description = "Only models with a context window of at least N tokens.")
    Long minContext;

    @Option(names = "--supports", paramLabel = "PARAM",
            description = "Only models that accept this request parameter, such as tools, reasoning or seed.")
    String supports;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "name",
            description = "price (cheapest first), context (largest first), name, or newest (default: ${DEFAULT-VALUE}).")
    Sort sort;

    @Option(names = "--json", description = "Write the models as a JSON array, in OpenRouter's shape (prices per token, as strings).")
    boolean json;

    @Option(names = "--ids", description = "Write only the ids, one per line.")
    boolean ids;

    @Option(names = "--aliases", description = "List the model aliases (built-in and from the config file) instead: alias, id, where it is defined.")
    boolean aliases;

    @Mixin
    CatalogOptions catalogOptions;

    /** Nothing here is coloured: --no-color is taken so that the flags of chat and debate fit models too. */
    @Mixin
    NoticeOptions notices;

    @Override
    public Integer call() throws ConfigException, dev.arena.catalog.CatalogUnavailableException {
        Stdio io = root.stdio();
        TextSink out = TextSink.stdout(io.out());
        TextSink err = TextSink.stderr(io.err());
        if (json && ids) {
            throw new ParameterException(spec.commandLine(), "--json and --ids cannot be combined");
        }
        if (aliases) {
            return listAliases(io, out);
        }
        Catalog all = catalogOptions.load(io);
        if (!notices.quiet) {
            all.notice().ifPresent(n -> err.write("arena: " + n + "\n").flush());
        }
        Catalog catalog = filtered(all);
        List<ModelInfo> models = catalog.sorted(ModelSort.valueOf(sort.name().toUpperCase(Locale.ROOT))).models();
        try {
            if (json) {
                out.write(ModelText.json(ModelJson.toJson(models), io.stdoutIsTerminal()));
            } else if (ids) {
                models.forEach(m -> out.write(ModelText.line(m.id()) + "\n"));
            } else if (io.stdoutIsTerminal()) {
                ModelText.table(models, width(io)).forEach(line -> out.write(line + "\n"));
            } else {
                models.forEach(m -> out.write(ModelText.tsv(m) + "\n"));
            }
            out.flush();
            if (models.isEmpty() && !notices.quiet) {
                err.write("arena: " + (all.models().isEmpty() ? "the server lists no models" : "no model matches the filters")
                        + "\n").flush();
            }
        } catch (dev.arena.output.OutputClosedException e) {
            // | head: the reader has what it wanted.
        } catch (OutputFailedException e) {
            return cannotWrite(err, e);
        }
        return ExitCode.OK;
    }

    /** With --json, a failure is one error event on stdout in place of the list (shared with models show). */
    @Override
    public void errorEvent(String sentence, int exitCode) {
        OutputOptions.answerErrorEvent(root.stdio(), sentence, exitCode);
    }

    /** A full disk or an I/O error on stdout, unlike a closed pipe, fails the command; said on stderr if it still works. */
    static int cannotWrite(TextSink err, OutputFailedException e) {
        try {
            err.write("arena: " + e.getMessage() + "; what was written is incomplete\n").flush();
        } catch (dev.arena.output.OutputClosedException | OutputFailedException nowhere) {
            // Nowhere left to say it; the exit code still tells.
        }
        return ExitCode.FAILED;
    }

    /** The aliases: an aligned table on a terminal, tab-separated lines (alias, id, origin) elsewhere. */
    private int listAliases(Stdio io, TextSink out) {
        List<Aliases.Alias> all = root.aliases().all();
        try {
            if (io.stdoutIsTerminal()) {
                TextTable table = new TextTable("alias", "model id", "from");
                all.forEach(a -> table.row(ModelText.line(a.name()), ModelText.line(a.id()), ModelText.line(a.origin())));
                table.lines().forEach(line -> out.write(line + "\n"));
            } else {
                all.forEach(a -> out.write(ModelText.line(a.name()) + "\t" + ModelText.line(a.id()) + "\t"
                        + ModelText.line(a.origin()) + "\n"));
            }
            out.flush();
        } catch (dev.arena.output.OutputClosedException e) {
            // | head: fine.
        } catch (OutputFailedException e) {
            return cannotWrite(TextSink.stderr(io.err()), e);
        }
        return ExitCode.OK;
    }

    private Catalog filtered(Catalog catalog) {
        Catalog c = catalog;
        if (search != null) {
            c = c.search(search);
        }
        if (free) {
            c = c.free();
        }
        if (maxPrice != null) {
            c = c.maxPrice(maxPrice);
        }
        if (minContext != null) {
            c = c.minContext(minContext);
        }
        if (supports != null) {
            c = c.supports(supports);
        }
        return c;
    }

    /** $COLUMNS when set, else the terminal's width from JLine, else {@value #DEFAULT_WIDTH}. */
    static int width(Stdio io) {
        try {
            int columns = Integer.parseInt(io.env().getOrDefault("COLUMNS", "").strip());
            if (columns > 0) {
                return columns;
            }
        } catch (NumberFormatException notSet) {
            // ask the terminal
        }
        try (Terminal terminal = Terminals.openStdout()) {
            int width = terminal.getWidth();
            return width > 0 ? width : DEFAULT_WIDTH;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_WIDTH;
        }
    }
}
