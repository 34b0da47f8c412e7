package dev.arena.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The fish completion script, made from the same picocli commands as the bash one (picocli
 * writes no fish script of its own): one {@code complete} line per subcommand and option,
 * each under a condition naming the subcommand it belongs to. An option's value completes
 * from its candidates (an enum, or a label such as {@code md|json|jsonl}), as a file when
 * it is one, as model ids when it is a model option, and not at all otherwise. Model ids come
 * from the same cache file and aliases as in bash, read with grep and sed only.
 */
final class FishCompletion {

    /** A label that lists the values, {@code md|json|jsonl}: those are the candidates. */
    private static final Pattern VALUE_LIST = Pattern.compile("[a-z0-9-]+(\\|[a-z0-9-]+)+");

    /** A full stop that ends a sentence: the next one starts with a capital ("e.g. 45s" goes on). */
    private static final Pattern FIRST_SENTENCE = Pattern.compile("\\.\\s+(?=\\p{Lu})");

    private final List<String> modelOptions;
    private final List<String> modelPositionals;
    private final List<String> aliases;
    private final StringBuilder out = new StringBuilder();

    private FishCompletion(List<String> modelOptions, List<String> modelPositionals, List<String> aliases) {
        this.modelOptions = modelOptions;
        this.modelPositionals = modelPositionals;
        this.aliases = aliases;
    }

    /**
     * @param modelOptions     the options whose value is a model id (or a comma-separated list)
     * @param modelPositionals the subcommands whose positional parameter is a model id ({@code models show})
     * @param aliases          the built-in aliases, offered with the model ids
     */
    static String script(CommandLine root, List<String> modelOptions, List<String> modelPositionals, List<String> aliases) {
        return new FishCompletion(modelOptions, modelPositionals, aliases).script(root);
    }

    private String script(CommandLine root) {
        String name = root.getCommandName();
        out.append("# fish completion for ").append(name).append(", generated from its picocli commands by\n")
                .append("# dev.arena.cli.CompletionScript; do not edit (a test checks it is current).\n")
                .append("# Install: copy it to ~/.config/fish/completions/").append(name).append(".fish\n\n");
        helpers(root);
        out.append("\ncomplete -c ").append(name).append(" -e\n")
                .append("# Files complete only where a value is one.\n")
                .append("complete -c ").append(name).append(" -f\n");
        command(root, "");
        return out.toString();
    }

    /** The subcommand typed so far, then the model ids. */
    private void helpers(CommandLine root) {
        List<String> paths = new ArrayList<>();
        collectPaths(root, "", paths);
        out.append("# The subcommand typed so far (\"models show\"), \"\" for none: each word that extends a\n")
                .append("# known subcommand path is taken, so option values in between are passed over.\n")
                .append("function __arena_command\n")
                .append("    set -l known");
        paths.forEach(p -> out.append(' ').append(quote(p)));
        out.append("\n")
                .append("    set -l path\n")
                .append("    for word in (commandline -opc)[2..-1]\n")
                .append("        set -l next (string trim -- \"$path $word\")\n")
                .append("        if contains -- $next $known\n")
                .append("            set path $next\n")
                .append("        end\n")
                .append("    end\n")
                .append("    echo $path\n")
                .append("end\n\n")
                .append("function __arena_is --description 'true when the subcommand typed so far is exactly the argument'\n")
                .append("    set -l command (__arena_command)\n")
                .append("    test \"$command\" = \"$argv\"\n")
                .append("end\n\n")
                .append("# Model ids come from the newest models-*.json under $XDG_CACHE_HOME/arena (default\n")
                .append("# ~/.cache/arena), which any 'arena models' or checked chat/debate leaves; aliases from\n")
                .append("# arena's built-in table and the alias.NAME lines of the config file. Only shell tools\n")
                .append("# run. After a comma (--fallback a,b), the ids follow what the comma ends.\n")
                .append("function __arena_model_ids\n")
                .append("    set -l cache $HOME/.cache\n")
                .append("    string match -q -- '/*' \"$XDG_CACHE_HOME\"; and set cache $XDG_CACHE_HOME\n")
                .append("    set -l config $HOME/.config\n")
                .append("    string match -q -- '/*' \"$XDG_CONFIG_HOME\"; and set config $XDG_CONFIG_HOME\n")
                .append("    set -l head (string match -r -- '^.*,' (commandline -ct))\n")
                .append("    set -l files $cache/arena/models-*.json\n")
                .append("    begin\n")
                .append("        if set -q files[1]\n")
                .append("            set -l newest (ls -t $files | head -n 1)\n")
                .append("            grep -o '\"id\": *\"[^\"]*\"' $newest 2>/dev/null | sed 's/^\"id\": *\"//; s/\"$//'\n")
                .append("        end\n")
                .append("        printf '%s\\n'");
        aliases.forEach(a -> out.append(' ').append(quote(a)));
        out.append("\n")
                .append("        if test -r $config/arena/config.properties\n")
                .append("            sed -n 's/^[[:space:]]*alias\\.\\([^=[:space:]]*\\)[[:space:]]*=.*/\\1/p' $config/arena/config.properties\n")
                .append("        end\n")
                .append("    end | string replace -r -- '^' \"$head\"\n")
                .append("end\n");
    }

    private static void collectPaths(CommandLine command, String path, List<String> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                String subPath = (path + " " + name).strip();
                paths.add(subPath);
                collectPaths(sub, subPath, paths);
            }
        });
    }

    /** The lines of one command, {@code path} its subcommand path, then those of its subcommands. */
    private void command(CommandLine command, String path) {
        CommandSpec spec = command.getCommandSpec();
        String name = spec.root().name();
        String when = " -n " + quote("__arena_is " + path);
        out.append("\n# ").append(path.isEmpty() ? name : name + " " + path).append('\n');
        command.getSubcommands().forEach((sub, line) -> {
            if (!line.getCommandSpec().usageMessage().hidden()) {
                out.append("complete -c ").append(name).append(when).append(" -a ").append(quote(sub))
                        .append(" -d ").append(quote(summary(line.getCommandSpec().usageMessage().description())))
                        .append('\n');
            }
        });
        if (modelPositionals.contains(path)) {
            out.append("complete -c ").append(name).append(when).append(" -a '(__arena_model_ids)'\n");
        }
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                out.append("complete -c ").append(name).append(when).append(names(option)).append(value(option))
                        .append(" -d ").append(quote(summary(option.description()))).append('\n');
            }
        }
        command.getSubcommands().forEach((sub, line) -> {
            if (!line.getCommandSpec().usageMessage().hidden()) {
                command(line, (path + " " + sub).strip());
            }
        });
    }

    private static String names(OptionSpec option) {
        StringBuilder names = new StringBuilder();
        for (String n : option.names()) {
            if (n.startsWith("--")) {
                names.append(" -l ").append(n.substring(2));
            } else if (n.length() == 2) {
                names.append(" -s ").append(n.substring(1));
            } else {
                names.append(" -o ").append(n.substring(1)); // an old-style long option, -name
            }
        }
        return names.toString();
    }

    /**
     * What completes an option's value: nothing for a flag; files only for a file ({@code -x}
     * is fish's "a value, not a file", which {@code complete -f} alone does not say for options).
     */
    private String value(OptionSpec option) {
        if (option.arity().max() == 0) {
            return "";
        }
        if (Arrays.stream(option.names()).anyMatch(modelOptions::contains)) {
            return " -x -a '(__arena_model_ids)'";
        }
        List<String> candidates = new ArrayList<>();
        if (option.completionCandidates() != null) {
            option.completionCandidates().forEach(candidates::add);
        } else if (VALUE_LIST.matcher(option.paramLabel()).matches()) {
            candidates.addAll(List.of(option.paramLabel().split("\\|")));
        }
        if (!candidates.isEmpty()) {
            return " -x -a " + quote(String.join(" ", candidates));
        }
        Class<?> type = option.type();
        return type == File.class || Path.class.isAssignableFrom(type) ? " -r -F" : " -x";
    }

    /** The first sentence of a description, without its full stop: fish shows one short line. */
    private static String summary(String[] description) {
        String text = String.join(" ", description).replace("%n", " ").strip();
        String first = FIRST_SENTENCE.split(text, 2)[0];
        return first.endsWith(".") && !first.endsWith("..") ? first.substring(0, first.length() - 1) : first;
    }

    /** A fish single-quoted string: only a quote and a backslash need escaping there. */
    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
