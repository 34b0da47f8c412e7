package dev.arena.cli;

import dev.arena.catalog.Aliases;
import picocli.AutoComplete;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The completion scripts, both generated from the picocli commands: bash's (which serves zsh
 * too, through bashcompinit) is picocli's, with model ids completing from the cached
 * catalogue; fish's is {@link FishCompletion}'s. The model-id part reads the newest cache
 * file with grep and sed only, so TAB never starts a JVM; the bash script calls it from the
 * branches of the options that take a model id and for {@code models show ID}.
 * {@code completions/arena.bash} and {@code completions/arena.fish} are these scripts,
 * checked by a test.
 */
public final class CompletionScript {

    /** The options whose value is a model id (or a comma-separated list of them). */
    static final List<String> MODEL_OPTIONS = List.of("--model", "--fallback", "--pro", "--con", "--judge",
            "--pro-fallback", "--con-fallback", "--models", "--judges");

    static final String BEGIN = "# ---- arena: model ids from the cached catalogue (added by dev.arena.cli.CompletionScript) ----";
    static final String END = "# ---- end of arena's model-id section ----";
    static final String HOOK = "_arena_complete_model_ids \"${curr_word}\" # arena: model ids";

    private CompletionScript() {
    }

    /** The subcommands whose positional parameter is a model id. */
    static final List<String> MODEL_POSITIONALS = List.of("models show");

    /** Writes arena.bash and arena.fish into the directory given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CompletionScript DIRECTORY");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0], "arena.bash"), bash(), StandardCharsets.UTF_8);
        Files.writeString(Path.of(args[0], "arena.fish"), fish(), StandardCharsets.UTF_8);
    }

    private static CommandLine commands() {
        return ArenaCommand.withSubcommands(new CommandLine(new ArenaCommand()));
    }

    /** The fish script: see {@link FishCompletion}; the same commands, model options and aliases as bash. */
    public static String fish() {
        return FishCompletion.script(commands(), MODEL_OPTIONS, MODEL_POSITIONALS, aliasNames());
    }

    private static List<String> aliasNames() {
        return Aliases.builtIn().all().stream().map(Aliases.Alias::name).toList();
    }

    public static String bash() {
        String script = AutoComplete.bash("arena", commands());
        script = hookModelOptions(script);
        script = hookModelsShow(script);
        int complete = script.lastIndexOf("\ncomplete -F ");
        if (complete < 0) {
            throw new IllegalStateException("picocli's script has no 'complete -F' line to put the model-id section before");
        }
        return script.substring(0, complete + 1) + section() + "\n" + script.substring(complete + 1);
    }

    /** {@code '-m'|'--model')  return ;;} becomes a branch that completes model ids. */
    private static String hookModelOptions(String script) {
        Pattern branch = Pattern.compile("(?m)^(    ('[^']+'(?:\\|'[^']+')*)\\)\\n)      return\\n");
        Matcher m = branch.matcher(script);
        StringBuilder out = new StringBuilder();
        int hooked = 0;
        while (m.find()) {
            List<String> names = List.of(m.group(2).replace("'", "").split("\\|"));
            if (names.stream().anyMatch(MODEL_OPTIONS::contains)) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "      " + HOOK + "\n      return\n"));
                hooked++;
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            }
        }
        m.appendTail(out);
        if (hooked == 0) {
            throw new IllegalStateException("no model option found in picocli's script: has its layout changed?");
        }
        return out.toString();
    }

    /** The positional ID of {@code arena models show} completes from the model ids too. */
    private static String hookModelsShow(String script) {
        int function = script.indexOf("function _picocli_arena_models_show()");
        String positionals = "    local positionals=\"\"\n";
        int at = function < 0 ? -1 : script.indexOf(positionals, function);
        if (at < 0) {
            throw new IllegalStateException("no positional branch for 'models show' in picocli's script");
        }
        return script.substring(0, at) + "    " + HOOK + "\n    return\n" + script.substring(at + positionals.length());
    }

    private static String section() {
        String aliases = String.join(" ", aliasNames());
        return BEGIN + "\n"
                + "# Model ids come from the newest models-*.json under $XDG_CACHE_HOME/arena (default\n"
                + "# ~/.cache/arena), which any 'arena models' or checked chat/debate leaves; aliases from\n"
                + "# arena's built-in table and the alias.NAME lines of the config file. Only shell tools run.\n"
                + "function _arena_model_words() {\n"
                + "  local cache=\"$HOME/.cache\" config=\"$HOME/.config\" newest\n"
                + "  [[ \"${XDG_CACHE_HOME}\" == /* ]] && cache=\"${XDG_CACHE_HOME}\"\n"
                + "  [[ \"${XDG_CONFIG_HOME}\" == /* ]] && config=\"${XDG_CONFIG_HOME}\"\n"
                + "  newest=$(ls -t \"${cache}/arena\"/models-*.json 2>/dev/null | head -n 1)\n"
                + "  if [[ -n \"${newest}\" ]]; then\n"
                + "    grep -o '\"id\": *\"[^\"]*\"' \"${newest}\" 2>/dev/null | sed 's/^\"id\": *\"//; s/\"$//'\n"
                + "  fi\n"
                + "  printf '%s\\n' " + aliases + "\n"
                + "  if [[ -r \"${config}/arena/config.properties\" ]]; then\n"
                + "    sed -n 's/^[[:space:]]*alias\\.\\([^=[:space:]]*\\)[[:space:]]*=.*/\\1/p' \"${config}/arena/config.properties\"\n"
                + "  fi\n"
                + "}\n"
                + "\n"
                + "# Completes the current word from the model ids and aliases; after a comma\n"
                + "# (--fallback a,b), the part after the last comma.\n"
                + "function _arena_complete_model_ids() {\n"
                + "  local word=\"$1\" head=\"\" IFS=$'\\n'\n"
                + "  if [[ \"${word}\" == *,* ]]; then\n"
                + "    head=\"${word%,*},\"\n"
                + "    word=\"${word##*,}\"\n"
                + "  fi\n"
                + "  COMPREPLY=( $(compgen -P \"${head}\" -W \"$(_arena_model_words)\" -- \"${word}\") )\n"
                + "}\n"
                + END + "\n";
    }
}
