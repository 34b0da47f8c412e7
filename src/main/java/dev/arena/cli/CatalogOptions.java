package dev.arena.cli;

import dev.arena.catalog.Catalog;
import dev.arena.catalog.CatalogCache;
import dev.arena.catalog.CatalogUnavailableException;
import dev.arena.catalog.CostEstimator;
import dev.arena.catalog.CatalogClient;
import dev.arena.files.ArenaDirectories;
import dev.arena.output.TextSink;
import dev.arena.text.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Which server's catalogue to read: the base URL and key options of {@code chat}, without
 * the streaming ones (retries, rate limits, idle timeout) that mean nothing for one GET.
 */
// No subcommands to find among this mixin's methods: picocli looks for them by reflection otherwise.
@Command(addMethodSubcommands = false)
final class CatalogOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Option(names = "--refresh", description = "Fetch the model list now, even when the cached one is fresh.")
    boolean refresh;

    @Mixin
    DebugOption debug = new DebugOption();

    /**
     * These options, with those not given on this command taken from the parent command's
     * ({@code arena models --base-url U show ID}); both may hold defaults from the environment
     * or the config file, so what was typed is what counts.
     */
    CatalogOptions orElse(CatalogOptions parent) {
        CatalogOptions merged = new CatalogOptions();
        merged.spec = spec;
        merged.server.baseUrl = typed("--base-url") || !parent.typed("--base-url") ? server.baseUrl : parent.server.baseUrl;
        merged.server.apiKeyFile = typed("--api-key-file") || !parent.typed("--api-key-file")
                ? server.apiKeyFile : parent.server.apiKeyFile;
        merged.refresh = refresh || parent.refresh;
        merged.debug.debug = debug.debug || parent.debug.debug;
        return merged;
    }

    private boolean typed(String option) {
        ParseResult parsed = spec.commandLine() == null ? null : spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }

    URI baseUri(Stdio io) {
        return ConnectionOptions.baseUri(server.baseUrl, spec);
    }

    /**
     * This server's catalogue, from the cache or fetched with the key, if any (fetched now with
     * --refresh). The client removed the key from the models as they arrived (so the cache
     * never holds it); the notice may quote a server's error or the JDK's message about the
     * connection, and is printed as it is, so it is made one clean line without the key here.
     */
    Catalog load(Stdio io) throws ConfigException, CatalogUnavailableException {
        URI base = baseUri(io);
        String key = ApiKeys.find(server.apiKeyFile, io.env());
        Redactor redactor = new Redactor(key);
        CatalogClient client = new CatalogClient(base, key, CatalogClient.DEFAULT_TIMEOUT,
                debug.log(TextSink.stderr(io.err()), redactor));
        Catalog catalog;
        try {
            catalog = new CatalogCache(cacheDirectory(io), base, client, CatalogCache.DEFAULT_TTL, Clock.systemUTC())
                    .load(refresh);
        } catch (CatalogUnavailableException e) {
            throw new CatalogUnavailableException(redactor.redact(ModelText.line(e.getMessage())));
        }
        return catalog.notice().map(n -> new Catalog(catalog.models(), catalog.source(), catalog.fetchedAt().orElse(null),
                redactor.redact(ModelText.line(n)))).orElse(catalog);
    }

    /** arena's cache directory for this environment ({@code $XDG_CACHE_HOME/arena} or {@code ~/.cache/arena}). */
    static Path cacheDirectory(Stdio io) {
        return ArenaDirectories.cache(io.env(), home(io));
    }

    /**
     * Prices from the cached catalogue of {@code base}, to estimate a cost the server does
     * not report. Never fetched for this: no cache, no estimate.
     */
    static CostEstimator cachedPrices(Stdio io, URI base) {
        return CatalogCache.readCached(cacheDirectory(io), base).map(CostEstimator::new).orElse(CostEstimator.NONE);
    }

    /** {@code $HOME} when set (tests and sandboxes change it), else the JVM's idea of home. */
    static Path home(Stdio io) {
        String home = io.env().get("HOME");
        return home != null && !home.isBlank() && Path.of(home).isAbsolute() ? Path.of(home) : Path.of(System.getProperty("user.home"));
    }
}
