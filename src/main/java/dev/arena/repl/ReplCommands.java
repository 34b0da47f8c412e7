package dev.arena.repl;

import dev.arena.config.ValueChecks;
import dev.arena.files.AtomicFile;
import dev.arena.files.FileErrors;
import dev.arena.output.Notices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What each slash command does to the session; one line of feedback each. */
final class ReplCommands {

    private final Repl repl;

    ReplCommands(Repl repl) {
        this.repl = repl;
    }

    /** Runs the command; false when the session should end (/exit). */
    boolean run(SlashCommands.Command command) {
        ChatSession session = repl.session();
        String arg = command.argument();
        try {
            switch (command.name()) {
                case "/exit", "/quit" -> {
                    return false;
                }
                case "/help" -> repl.info(SlashCommands.help().stripTrailing());
                case "/model" -> {
                    if (arg.isEmpty()) {
                        repl.info("model: " + session.model() + "; /model ID switches");
                        return true;
                    }
                    session.setModel(repl.modelId(arg));
                    repl.settingsChanged();
                    repl.info("model: " + session.model());
                }
                case "/system" -> {
                    session.setSystem(arg);
                    repl.settingsChanged();
                    repl.info(session.system() == null ? "system prompt removed" : "system prompt set");
                }
                case "/fallback" -> {
                    session.setFallbacks(arg.isEmpty() ? List.of()
                            : Arrays.stream(arg.split("[,\\s]+")).map(repl::modelId).collect(Collectors.toList()));
                    repl.settingsChanged();
                    repl.info(session.fallbacks().isEmpty() ? "no fallbacks"
                            : "fallbacks: " + String.join(", ", session.fallbacks()));
                }
                case "/temperature" -> temperature(session, arg);
                case "/clear" -> {
                    session.clear();
                    repl.historyReplaced();
                    repl.info("conversation cleared; model and settings kept");
                }
                case "/save" -> save(session, arg, false);
                case "/save!" -> save(session, arg, true);
                case "/load" -> load(session, arg);
                case "/usage" -> repl.info(usage(session));
                case "/retry" -> retry(session, arg);
                default -> repl.error("unknown command " + command.name() + "; /help lists them");
            }
        } catch (IllegalArgumentException e) {
            repl.error(command.name() + ": " + e.getMessage());
        }
        return true;
    }

    private void temperature(ChatSession session, String arg) {
        if (arg.isEmpty()) {
            session.setTemperature(null);
        } else {
            session.setTemperature(ValueChecks.temperature(arg)); // the check of --temperature, same sentence
        }
        repl.settingsChanged();
        repl.info(session.temperature() == null ? "temperature: the server's default" : "temperature: " + session.temperature());
    }

    /**
     * /save onto an existing file asks first (on a terminal that can ask) or refuses; /save!
     * replaces it. Either way only a regular file is replaced, and no directory is made.
     */
    private void save(ChatSession session, String arg, boolean force) {
        if (arg.isEmpty()) {
            throw new IllegalArgumentException("give a file, e.g. /save chat.md or /save chat.json");
        }
        Path file = repl.resolve(arg);
        try {
            AtomicFile.checkReplaceable(file);
            if (!force && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                if (!repl.canAsk()) {
                    repl.error("/save: " + file + " exists; /save! " + arg + " replaces it");
                    return;
                }
                if (!repl.confirm(file + " exists; replace it?")) {
                    repl.info("not saved; /save! " + arg + " replaces it without asking");
                    return;
                }
            }
            SessionStore.write(file, session);
            repl.info("saved " + session.entries().size() + " messages to " + file
                    + (SessionStore.isMarkdown(file) ? " (Markdown)" : " (JSON)"));
        } catch (IOException e) {
            repl.error("cannot save to " + file + ": " + FileErrors.reason(e));
        }
    }

    private void load(ChatSession session, String arg) {
        if (arg.isEmpty()) {
            throw new IllegalArgumentException("give a file saved with /save, e.g. /load chat.json");
        }
        Path file = repl.resolve(arg);
        try {
            ChatSession loaded = SessionStore.read(file);
            session.replaceWith(loaded);
            repl.historyReplaced();
            repl.info("loaded " + session.entries().size() + " messages from " + file + "; model " + session.model());
        } catch (IOException e) {
            repl.error("cannot read " + file + ": " + FileErrors.reason(e));
        }
    }

    private void retry(ChatSession session, String arg) {
        String model = arg.isEmpty() ? session.model() : repl.modelId(new ChatSession(arg).model());
        session.dropLastAnswer(); // the request asked again leaves it out, and so does the history it records
        if (!session.awaitsAnswer()) {
            repl.error("nothing to retry: ask something first");
            return;
        }
        repl.ask(model);
    }

    /**
     * The session's bill (every answer since it started: /clear forgets the conversation, not
     * what it cost), then the conversation now, whose messages the next request sends.
     */
    static String usage(ChatSession session) {
        UsageTotals all = session.sessionUsage();
        UsageTotals now = session.conversationUsage();
        int messages = session.entries().size();
        return "this session: " + answers(all.answers()) + " · "
                + all.promptTokens() + " in, " + all.completionTokens() + " out tokens · " + cost(all)
                + "; the conversation now: " + messages + (messages == 1 ? " message, " : " messages, ")
                + answers(now.answers()) + " · " + cost(now);
    }

    private static String answers(int n) {
        return n + (n == 1 ? " answer" : " answers");
    }

    private static String cost(UsageTotals totals) {
        return totals.cost() == null ? "cost " + Notices.UNKNOWN_COST : Notices.cost(totals.cost());
    }
}
