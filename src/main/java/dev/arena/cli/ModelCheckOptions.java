package dev.arena.cli;

import dev.arena.catalog.Catalog;
import dev.arena.catalog.CatalogCache;
import dev.arena.catalog.CatalogUnavailableException;
import dev.arena.catalog.CatalogClient;
import dev.arena.catalog.ModelCheck;
import dev.arena.output.TextSink;
import dev.arena.text.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Checks the requested model ids against the server's catalogue before the first request,
 * loaded as {@code arena models} loads it (fresh cache, else the server, else the stale
 * cache, else the built-in list), so at most one fetch a day. An unknown id is a usage
 * error with suggestions; an expiring one a warning.
 */
// No subcommands to find among this mixin's methods: picocli looks for them by reflection otherwise.
@Command(addMethodSubcommands = false)
final class ModelCheckOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--no-validate",
            description = "Do not check the model ids against the server's model list before the first request.")
    boolean noValidate;

    /**
     * Checks the ids, fetching the catalogue when the cache is missing or old.
     *
     * @throws ParameterException when an id is not in the server's list
     */
    void check(Stdio io, TextSink err, boolean quiet, URI base, String apiKey, List<ModelCheck.Requested> ids) {
        if (noValidate) {
            return;
        }
        CatalogClient client = new CatalogClient(base, apiKey, CatalogClient.DEFAULT_TIMEOUT);
        CatalogCache cache = new CatalogCache(CatalogOptions.cacheDirectory(io), base, client, CatalogCache.DEFAULT_TTL,
                Clock.systemUTC());
        Catalog catalog;
        try {
            catalog = cache.load(false);
            if (catalog.source() == Catalog.Source.CACHE
                    && !ModelCheck.check(catalog, ids, LocalDate.now(ZoneOffset.UTC), base.getHost()).ok()) {
                // The cached list may predate the model (a new OpenRouter model, a fresh `ollama pull`):
                // ask the server once more before refusing the id.
                catalog = cache.load(true);
            }
        } catch (CatalogUnavailableException e) {
            // No list to check against: the request itself will say whether the server answers.
            catalog = new Catalog(List.of(), Catalog.Source.BUILT_IN, null, e.getMessage());
        }
        report(err, quiet, base, catalog, ids, new Redactor(apiKey));
    }

    /** Checks the ids against the cached catalogue only, never going online ({@code --dry-run}). */
    void checkCached(Stdio io, TextSink err, boolean quiet, URI base, List<ModelCheck.Requested> ids) {
        if (noValidate) {
            return;
        }
        Catalog catalog = CatalogCache.readCached(CatalogOptions.cacheDirectory(io), base)
                .orElseGet(() -> new Catalog(List.of(), Catalog.Source.BUILT_IN, null,
                        "there is no cached model list of " + base.getHost() + " (arena models fetches one)"));
        report(err, quiet, base, catalog, ids, Redactor.NONE);
    }

    /**
     * Checks one id typed in the interactive chat against the cached catalogue (never going
     * online mid-conversation); empty when the id is known, could not be checked, or checks
     * are off, else the sentence saying what is wrong and the nearest ids.
     */
    Optional<String> problem(Stdio io, URI base, String id) {
        if (noValidate) {
            return Optional.empty();
        }
        return CatalogCache.readCached(CatalogOptions.cacheDirectory(io), base)
                .map(catalog -> ModelCheck.check(catalog, ModelCheck.requested("/model", List.of(id)),
                        LocalDate.now(ZoneOffset.UTC), base.getHost()))
                .filter(result -> !result.ok())
                .map(result -> ModelText.line(String.join("; ", result.problems())));
    }

    /** The sentences quote ids and notices from the server, which may have echoed the key: {@code redactor} removes it. */
    private void report(TextSink err, boolean quiet, URI base, Catalog catalog, List<ModelCheck.Requested> ids,
                        Redactor redactor) {
        ModelCheck.Result result = ModelCheck.check(catalog, ids, LocalDate.now(ZoneOffset.UTC), base.getHost());
        if (!result.ok()) {
            String from = catalog.source() == Catalog.Source.STALE_CACHE ? " (as cached; the server could not be reached)" : "";
            throw new ParameterException(spec.commandLine(), redactor.redact(ModelText.line(String.join("; ", result.problems()))) + from
                    + " (list them: arena models --search TEXT; refresh the list: arena models --refresh;"
                    + " skip this check: --no-validate)");
        }
        if (!quiet) {
            if (catalog.source() == Catalog.Source.STALE_CACHE) {
                catalog.notice().ifPresent(n -> err.write("arena: " + redactor.redact(ModelText.line(n)) + "\n"));
            }
            result.warnings().forEach(w -> err.write("arena: warning: " + redactor.redact(ModelText.line(w)) + "\n"));
            err.flush();
        }
    }
}
