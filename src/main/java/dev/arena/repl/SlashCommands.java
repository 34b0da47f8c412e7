package dev.arena.repl;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The slash commands of interactive chat: what they are, how a line becomes one, and tab completion. */
public final class SlashCommands implements Completer {

    /** A command as typed: its name ({@code /model}) and the rest of the line, stripped (maybe empty). */
    public record Command(String name, String argument) {
    }

    record Spec(String name, String arguments, String help) {
    }

    static final List<Spec> ALL = List.of(
            new Spec("/model", "ID", "ask this model from now on"),
            new Spec("/system", "[TEXT]", "set the system prompt (no text: remove it)"),
            new Spec("/fallback", "[m1,m2,...]", "models to try when the model fails (none: no fallbacks)"),
            new Spec("/temperature", "[T]", "sampling temperature, 0 to 2 (none: the server's default)"),
            new Spec("/clear", "", "forget the conversation, keep the settings"),
            new Spec("/save", "FILE", "save the conversation (.md: Markdown, else JSON); asks before replacing FILE"),
            new Spec("/save!", "FILE", "save, replacing FILE without asking"),
            new Spec("/load", "FILE", "continue a conversation saved with /save (.json or .md)"),
            new Spec("/usage", "", "tokens and cost of this session (/clear keeps them), and of the conversation now"),
            new Spec("/retry", "[MODEL]", "drop the last answer and ask again, optionally another model"),
            new Spec("/help", "", "this list"),
            new Spec("/exit", "", "leave (so does Ctrl-D)"));

    private final Supplier<? extends Collection<String>> knownModels;

    /** {@code knownModels} offers ids for /model and /retry; it is asked only when TAB is pressed there. */
    public SlashCommands(Supplier<? extends Collection<String>> knownModels) {
        this.knownModels = knownModels;
    }

    /**
     * The command on this line, if it is one: a line starting with one slash. Two slashes
     * send the line to the model without the first one ({@code //etc/hosts is...}).
     */
    public static Optional<Command> parse(String line) {
        String text = line.strip();
        if (!text.startsWith("/") || text.startsWith("//")) {
            return Optional.empty();
        }
        int space = indexOfWhitespace(text);
        String name = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        String argument = space < 0 ? "" : text.substring(space).strip();
        return Optional.of(new Command(name, argument));
    }

    public static boolean isKnown(String name) {
        return ALL.stream().anyMatch(s -> s.name().equals(name));
    }

    /** The /help text: commands, then keys. */
    public static String help() {
        StringBuilder text = new StringBuilder("Commands:\n");
        for (Spec s : ALL) {
            String usage = s.arguments().isEmpty() ? s.name() : s.name() + " " + s.arguments();
            text.append(String.format(Locale.ROOT, "  %-26s %s%n", usage, s.help()));
        }
        text.append("Anything else is sent to the model; start a line with // to send one beginning with /.\n")
                .append("Keys:\n")
                .append("  Enter                      send\n")
                .append("  \\ at the end of a line     continue on the next line\n")
                .append("  Alt-Enter (or Esc, Enter)  new line without sending; pasted newlines are kept too\n")
                .append("  Tab                        complete a command, a model id or a file name\n")
                .append("  Up, Down, Ctrl-R           history (kept across sessions)\n")
                .append("  Ctrl-C                     stop the answer (what arrived is kept, marked cut); clear the line\n")
                .append("  Ctrl-D                     leave\n");
        return text.toString();
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        if (words.isEmpty() || !words.get(0).startsWith("/")) {
            return;
        }
        if (line.wordIndex() == 0) {
            for (Spec s : ALL) {
                candidates.add(new Candidate(s.name(), s.name(), null, s.help(), null, null, s.arguments().isEmpty()));
            }
            return;
        }
        if (line.wordIndex() != 1) {
            return;
        }
        switch (words.get(0).toLowerCase(Locale.ROOT)) {
            case "/model", "/retry" -> knownModels.get().stream().distinct()
                    .forEach(m -> candidates.add(new Candidate(m)));
            case "/save", "/save!", "/load" -> files(line.word()).forEach(f -> candidates.add(f));
            default -> {
            }
        }
    }

    /** Files and directories beside the word typed so far; directories end in '/' and stay open. */
    private static List<Candidate> files(String typed) {
        int slash = typed.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : typed.substring(0, slash + 1);
        Path dir = Path.of(dirPart.isEmpty() ? "." : dirPart);
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> {
                String name = p.getFileName().toString();
                boolean isDir = Files.isDirectory(p);
                String value = dirPart + name + (isDir ? "/" : "");
                return new Candidate(value, name + (isDir ? "/" : ""), null, null, null, null, !isDir);
            }).sorted((a, b) -> a.value().compareTo(b.value())).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
