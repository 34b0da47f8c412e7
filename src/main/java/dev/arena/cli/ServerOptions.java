package dev.arena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Which server to reach and where its key comes from: mixed into every command that talks
 * to a server, through {@link ConnectionOptions} (chat, debate) or {@link CatalogOptions}
 * (models). Defaults from the environment and the config file arrive through
 * {@link ConfigDefaults}, keyed by the option names.
 */
// No subcommands to find among this mixin's methods: picocli looks for them by reflection otherwise.
@Command(addMethodSubcommands = false)
final class ServerOptions {

    // No ${DEFAULT-VALUE} here: the option has no built-in default (null means OpenRouter,
    // which decides the built-in model list and the no-key hint), and picocli would print
    // "default: null". The description says where the value comes from instead.
    @Option(names = "--base-url", paramLabel = "URL",
            // The URL opens a line of its own: picocli would break it after a dot.
            description = {"OpenAI-compatible API base URL. Without it: $ARENA_BASE_URL, else base-url in the config file, else OpenRouter:",
                "https://openrouter.ai/api/v1"})
    String baseUrl;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "Read the API key from FILE instead of $OPENROUTER_API_KEY.")
    Path apiKeyFile;
}
