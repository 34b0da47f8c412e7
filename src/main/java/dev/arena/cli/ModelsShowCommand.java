package dev.arena.cli;

import dev.arena.catalog.Catalog;
import dev.arena.catalog.ModelCheck;
import dev.arena.catalog.ModelInfo;
import dev.arena.catalog.ModelJson;
import dev.arena.catalog.Pricing;
import dev.arena.output.OutputClosedException;
import dev.arena.output.OutputFailedException;
import dev.arena.output.TextSink;
import dev.arena.text.TerminalSanitizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code arena models show ID}: everything the catalogue knows about one model. */
@Command(addMethodSubcommands = false, name = "show", sortOptions = false, mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.HELP_0, "1:the model is not in the catalogue (the nearest ids are suggested)",
            ExitCode.HELP_2, ExitCode.HELP_3},
        description = "Show one model's details: prices, context, longest answer, supported parameters, expiration date.")
final class ModelsShowCommand implements Callable<Integer>, JsonErrorEvents {

    @ParentCommand
    ModelsCommand parent;

    @Parameters(paramLabel = "ID", description = "The model id or alias, such as openai/gpt-4o-mini or gpt-4o-mini.")
    String id;

    @Option(names = "--json", description = "Write the model as a JSON object, in OpenRouter's shape.")
    boolean json;

    @Mixin
    CatalogOptions catalogOptions;

    @Mixin
    NoticeOptions notices;

    @Override
    public void errorEvent(String sentence, int exitCode) {
        parent.errorEvent(sentence, exitCode);
    }

    @Override
    public Integer call() throws ConfigException, dev.arena.catalog.CatalogUnavailableException {
        Stdio io = parent.root.stdio();
        TextSink out = TextSink.stdout(io.out());
        TextSink err = TextSink.stderr(io.err());
        CatalogOptions options = catalogOptions.orElse(parent.catalogOptions);
        Catalog catalog = options.load(io);
        if (!notices.quiet && !parent.notices.quiet) {
            catalog.notice().ifPresent(n -> err.write("arena: " + n + "\n").flush());
        }
        id = parent.root.aliases().resolve(id);
        // The same lookup as chat's id check, so variants (:nitro), Ollama's implied :latest and
        // ~router aliases are found here too.
        ModelInfo model = ModelCheck.find(catalog, id).orElse(null);
        if (model == null) {
            String sentence = unknown(catalog, options.baseUri(io).getHost());
            err.write("arena: " + sentence + "\n").flush();
            if (json) {
                errorEvent(sentence, ExitCode.FAILED);
            }
            return ExitCode.FAILED;
        }
        try {
            if (json) {
                out.write(ModelText.json(ModelJson.toJson(model), io.stdoutIsTerminal()));
            } else {
                details(model, LocalDate.now(ZoneOffset.UTC)).forEach(line -> out.write(line + "\n"));
            }
            out.flush();
        } catch (OutputClosedException e) {
            // | head: fine.
        } catch (OutputFailedException e) {
            return ModelsCommand.cannotWrite(err, e);
        }
        return ExitCode.OK;
    }

    private String unknown(Catalog catalog, String host) {
        String where = catalog.source() == Catalog.Source.BUILT_IN ? "arena's built-in list" : "the models of " + host;
        String sentence = "no model '" + ModelText.line(id) + "' among " + where;
        List<String> near = catalog.suggestions(id, 5);
        return sentence + (near.isEmpty()
                ? "; search with: arena models --search TEXT"
                : "; did you mean " + String.join(", ", near.stream().map(ModelText::line).toList()) + "?");
    }

    /** The details as "label: value" lines; unknown values are left out rather than shown as blanks. */
    static List<String> details(ModelInfo m, LocalDate today) {
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        lines.add("id:                   " + ModelText.line(m.id()));
        if (m.name() != null) {
            lines.add("name:                 " + ModelText.line(m.name()));
        }
        lines.add("context:              " + (m.contextLength() == null ? "unknown" : ModelText.context(m.contextLength()) + " tokens"));
        if (m.maxCompletionTokens() != null) {
            lines.add("max completion:       " + ModelText.context(m.maxCompletionTokens()) + " tokens");
        }
        Pricing p = m.pricing();
        lines.add("price per 1M tokens:  " + (p.known()
                ? ModelText.price(p.promptPerMillion()) + " prompt, " + ModelText.price(p.completionPerMillion()) + " completion"
                : "unknown"));
        if (p.request() != null && p.request().signum() > 0) {
            lines.add("price per request:    $" + p.request().stripTrailingZeros().toPlainString());
        }
        if (p.image() != null && p.image().signum() > 0) {
            lines.add("price per image:      $" + p.image().stripTrailingZeros().toPlainString());
        }
        if (!m.supportedParameters().isEmpty()) {
            lines.add("supported parameters: " + ModelText.line(String.join(", ", m.supportedParameters())));
        }
        if (m.expirationDate() != null) {
            long days = ChronoUnit.DAYS.between(today, m.expirationDate());
            lines.add("expires:              " + m.expirationDate()
                    + (days < 0 ? " (passed: the model may be gone)" : days == 0 ? " (today)" : " (in " + days + (days == 1 ? " day)" : " days)")));
        }
        if (m.created() != null) {
            lines.add("created:              " + Instant.ofEpochSecond(m.created()).atZone(ZoneOffset.UTC).toLocalDate());
        }
        if (m.description() != null && !m.description().isBlank()) {
            lines.add("");
            lines.add(TerminalSanitizer.strip(m.description()).strip());
        }
        return lines;
    }
}
