package dev.arena.cli;

import dev.arena.catalog.Aliases;
import dev.arena.openrouter.ClientSettings;
import dev.arena.openrouter.OpenRouterClient;
import dev.arena.output.TextSink;
import dev.arena.resilience.FallbackChain;
import dev.arena.resilience.Rate;
import dev.arena.resilience.RateLimits;
import dev.arena.resilience.RetryPolicy;
import dev.arena.text.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.arena.config.ConfigKey;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where to send requests and how hard to try: shared by every command that talks to a server. */
// No subcommands to find among this mixin's methods: picocli looks for them by reflection otherwise.
@Command(addMethodSubcommands = false)
final class ConnectionOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "120s", converter = OptionConverters.IdleTimeout.class,
            description = "Give up on a model that sends nothing for this long, such as 30s or 2m (default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "2", converter = OptionConverters.Retries.class,
            description = "Retries per model before falling back to the next one, 0 to 100 (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--rate-limit", paramLabel = "[MODEL=]N/UNIT", split = ",", converter = OptionConverters.RateLimit.class,
            description = "Requests allowed per model, such as 20/min, or openai/gpt-4o=5/min for one model; repeatable (default: 10/min).")
    List<String> rateLimits = new ArrayList<>();

    @Mixin
    DebugOption debug = new DebugOption();

    /**
     * Finds the key and builds the client and fallback chain. A key is required only by
     * OpenRouter itself; local servers (Ollama, LM Studio) answer without one. The chain
     * keeps up to {@code continuationLimit} characters of an answer for a fallback to continue.
     */
    Connection connect(Stdio io, TextSink err, int continuationLimit) throws ConfigException {
        String apiKey = ApiKeys.find(server.apiKeyFile, io.env());
        Redactor redactor = new Redactor(apiKey);
        ClientSettings settings = new ClientSettings(baseUri(), apiKey, idleTimeout, debug.log(err, redactor));
        if (apiKey == null && settings.isOpenRouter()) {
            throw new ConfigException(ApiKeys.missing(LocalServers.USUAL.find()));
        }
        return new Connection(settings, redactor, chain(settings, continuationLimit));
    }

    /** The base URL in effect: the flag, else $ARENA_BASE_URL, else the config file's, else OpenRouter's. */
    URI baseUri() {
        return baseUri(server.baseUrl, spec);
    }

    /**
     * The base URL from the option's value (typed, or a default from the environment or the
     * config file, both checked when read), else OpenRouter's; shared with the commands that
     * take only the server options ({@link CatalogOptions}).
     */
    static URI baseUri(String value, CommandSpec spec) {
        String text = value != null ? value.strip() : ClientSettings.OPENROUTER.toString();
        String problem = ConfigKey.url(text);
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), "--base-url " + problem);
        }
        return URI.create(text);
    }

    private FallbackChain chain(ClientSettings settings, int continuationLimit) {
        OpenRouterClient client = new OpenRouterClient(settings);
        return new FallbackChain(client, limits(), RetryPolicy.DEFAULT.withMaxRetries(retries), continuationLimit);
    }

    private RateLimits limits() {
        Rate defaultRate = Rate.DEFAULT;
        Map<String, Rate> perModel = new HashMap<>();
        // A per-model limit may name the model by an alias, like every other model option.
        Aliases aliases = ((ArenaCommand) this.spec.root().userObject()).aliases();
        for (String spec : rateLimits) { // each checked by its converter
            int eq = spec.indexOf('=');
            if (eq < 0) {
                defaultRate = Rate.parse(spec);
            } else {
                perModel.put(aliases.resolve(spec.substring(0, eq).strip()), Rate.parse(spec.substring(eq + 1)));
            }
        }
        return new RateLimits(defaultRate, perModel);
    }
}
