package dev.arena.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The help of every command, as picocli lays it out: no "default: null", no token cut at a line's end. */
class HelpTextTest {

    /** Wide enough that picocli wraps no description: the help as written, whole tokens. */
    private static final int UNWRAPPED = 1000;
    /** Where a description's wrapped lines start (picocli's layout); the column after it is what wraps. */
    private static final int DESCRIPTION_INDENT = 30;

    @TempDir
    Path home;

    @Test
    void noHelpShowsANullDefault() {
        Map<String, String> helps = helps(80);
        assertTrue(helps.keySet().containsAll(List.of("arena", "arena chat", "arena debate", "arena models",
                "arena logs", "arena logs show")), helps.keySet().toString());
        helps.forEach((command, help) -> assertFalse(help.contains("null"), command + ":\n" + help));
    }

    @Test
    void theBaseUrlHelpSaysWhereItsValueComesFrom() {
        assertTrue(helps(UNWRAPPED).get("arena debate").contains("OpenAI-compatible API base URL. Without it: "
                + "$ARENA_BASE_URL, else base-url in the config file, else OpenRouter:"));
        assertTrue(helps(60).get("arena debate").contains("\n                            https://openrouter.ai/api/v1\n"));
    }

    @Test
    void helpLinesBreakOnlyBetweenTokensAt80AndNarrow() {
        Map<String, String> whole = helps(UNWRAPPED);
        for (int width : new int[] {80, 60}) {
            Map<String, String> wrapped = helps(width);
            whole.forEach((command, help) -> {
                String joined = joinedLines(checked(wrapped.get(command), width));
                for (String token : checked(help, width).split("\\s+")) {
                    if (token.length() < 2 || token.length() > width - DESCRIPTION_INDENT) {
                        continue; // a token longer than its column must break somewhere
                    }
                    for (int cut = 1; cut < token.length(); cut++) {
                        String split = token.substring(0, cut) + "|" + token.substring(cut);
                        assertFalse(Pattern.compile("(^|[ |])" + Pattern.quote(split) + "($|[ |])").matcher(joined).find(),
                                command + " at width " + width + " cuts '" + token + "' as '" + split + "'");
                    }
                }
            });
        }
    }

    @Test
    void theOutExtensionsStayWholeAt80AndNarrow() {
        for (int width : new int[] {80, 60}) {
            String debate = helps(width).get("arena debate");
            assertFalse(Pattern.compile("\\.\\s*\\R\\s*json").matcher(debate).find(), "width " + width + ":\n" + debate);
            assertTrue(joinedLines(debate).matches("(?s).*extension( |\\|)md,( |\\|)json( |\\|)or( |\\|)jsonl.*"), debate);
        }
    }

    @Test
    void helpWrapsAtColumnsWhenSet() {
        CliRun run = CliRun.of(null, false, Map.of("HOME", home.toString(), "COLUMNS", "60"), "debate", "--help");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.lines().size() > 60, run.toString());
        run.lines().forEach(line -> assertTrue(line.length() <= 60, line));
    }

    @Test
    void helpOnAPipeWithoutColumnsKeepsPicocliWidth() {
        CliRun run = CliRun.of(null, false, Map.of("HOME", home.toString()), "debate", "--help");
        run.lines().forEach(line -> assertTrue(line.length() <= 80, line));
        assertTrue(run.lines().stream().anyMatch(line -> line.length() > 60), run.toString());
    }

    /** Every command's help at {@code width}, by qualified name, walking picocli's tree of commands. */
    private Map<String, String> helps(int width) {
        Stdio stdio = new Stdio(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream(), true, false, false, Map.of("HOME", home.toString()));
        CommandLine root = ArenaCommand.commandLine(stdio);
        root.setUsageHelpWidth(width);
        Map<String, String> helps = new LinkedHashMap<>();
        List<CommandLine> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            CommandLine cl = todo.remove(0);
            helps.put(cl.getCommandSpec().qualifiedName(), cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
            todo.addAll(cl.getSubcommands().values());
        }
        return helps;
    }

    /**
     * The help after its synopsis ("Usage: ..." and its indented lines): picocli breaks the
     * synopsis inside a repeated option's label, by its own rules, and the synopsis is not prose.
     */
    private static String withoutSynopsis(String help) {
        List<String> lines = new ArrayList<>(Arrays.asList(help.split("\\R", -1)));
        lines.remove(0);
        while (!lines.isEmpty() && lines.get(0).startsWith(" ")) {
            lines.remove(0);
        }
        return String.join("\n", lines);
    }

    /**
     * The part of a help whose wrapping is arena's to get right at {@code width}: after the
     * synopsis, and, below 80 columns, before the root's footer, whose fixed lines are written
     * to fit 80 columns and which picocli re-wraps by its own rules on a narrower terminal.
     */
    private static String checked(String help, int width) {
        String text = withoutSynopsis(help);
        int footer = text.indexOf("\nEnvironment:");
        return width < 80 && footer >= 0 ? text.substring(0, footer) : text;
    }

    /** The lines joined with '|' where a line ended, the indentation of the next dropped. */
    private static String joinedLines(String text) {
        return text.replaceAll("[ \\t]*\\R[ \\t]*", "|");
    }
}
