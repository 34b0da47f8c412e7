package dev.arena.repl;

import dev.arena.files.FileErrors;
import dev.arena.files.NotReplaceableException;
import dev.arena.files.UnreadableTextException;
import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.output.TextSink;
import dev.arena.resilience.Answer;
import dev.arena.resilience.Answerer;
import dev.arena.resilience.ChainFailedException;
import dev.arena.resilience.RequestTag;
import dev.arena.terminal.RichView;
import dev.arena.text.TerminalSanitizer;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import java.io.IOError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The interactive chat loop: reads a line (or a command) at a prompt that names the model,
 * streams the answer through the fallback chain into the terminal, and keeps the conversation
 * in the store (each request is recorded as it happens, settings as they change). No failure
 * of a request, nor of the store, ends the session.
 *
 * <p>Ctrl-C: while an answer streams, the terminal's INT handler cancels it (closing the
 * request) and what arrived stays in the conversation, marked cut; at the prompt, JLine
 * clears the line. Ctrl-D at an empty prompt, or /exit, leaves.
 *
 * <p>A store that fails is reported once, as a warning, and the chat goes on; the exit line
 * then says that the store may lack part of the session, and the exit code is 1.
 */
public final class Repl {

    static final String NEWLINE_WIDGET = "arena-insert-newline";
    private static final AttributedStyle PROMPT = AttributedStyle.BOLD.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
    private static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    private static final AttributedStyle NOTE = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);

    private final Terminal terminal;
    private final SessionStore store;
    private final Answerer answerer;
    private final Function<Exception, String> describe;
    private final boolean color;
    private final boolean markdown;
    private final Path home;
    private final ReplCommands commands;
    private ChatSession session;
    private KeptSession kept;
    private LineReader reader;
    private volatile Cancellation inFlight;
    private final UnaryOperator<String> modelIds;
    private final Supplier<? extends Collection<String>> modelNames;

    /**
     * @param describe turns a failed request (401/402, or every model failed) into one sentence
     * @param modelIds resolves an alias to its model id and checks the id, throwing
     *                 IllegalArgumentException with a sentence when it is unknown
     * @param modelNames what TAB offers after /model and /retry besides the session's own models
     *                 (aliases and the cached catalogue), asked for only when TAB is pressed there
     * @param markdown whether answers are styled as Markdown (false for --raw)
     * @param home     what a leading {@code ~/} in /save and /load stands for
     */
    public Repl(Terminal terminal, SessionStore store, Answerer answerer, Function<Exception, String> describe,
                UnaryOperator<String> modelIds, Supplier<? extends Collection<String>> modelNames, boolean color, boolean markdown,
                Path home) {
        this.terminal = terminal;
        this.modelIds = modelIds;
        this.modelNames = modelNames;
        this.store = store;
        this.answerer = answerer;
        this.describe = describe;
        this.color = color;
        this.markdown = markdown;
        this.home = home;
        this.commands = new ReplCommands(this);
    }

    /** The model id {@code typed} stands for (an alias resolved); IllegalArgumentException when unknown. */
    String modelId(String typed) {
        return modelIds.apply(typed);
    }

    /**
     * Runs the session until Ctrl-D or /exit, then lets go of its lock; returns the exit code:
     * 0, or 1 when the store could not keep the session.
     */
    public int run(SessionStart start) {
        this.session = start.session();
        this.kept = start.kept();
        this.reader = reader();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
            Cancellation answer = inFlight;
            if (answer != null) {
                answer.cancel();
            }
        });
        try {
            start.note().ifPresent(note -> say(note, NOTE));
            if (!kept.kept()) {
                say("logging is off, so this chat is not kept in the store; /save FILE keeps a copy", NOTE);
            } else if (kept.name() != null) {
                kept.conversationFor(session); // a named session exists from the start, so --session finds it
            }
            say("arena chat · " + (start.resumed() || kept.name() != null ? kept.label() : "a new conversation")
                    + " · /help lists commands and keys, Ctrl-D leaves", DIM);
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt());
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt: the line is cleared, the session goes on
                } catch (EndOfFileException e) {
                    break;
                }
                String text = joinContinuations(line);
                if (text.isBlank()) {
                    continue;
                }
                Optional<SlashCommands.Command> command = SlashCommands.parse(text);
                if (command.isPresent()) {
                    if (!commands.run(command.get())) {
                        break;
                    }
                } else {
                    String message = text.strip().startsWith("//") ? text.strip().substring(1) : text;
                    session.add(ChatSession.Entry.user(message));
                    ask(session.model());
                }
            }
        } catch (IOError e) {
            // The terminal went away (hang-up): leave as if Ctrl-D, the session is already recorded.
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                // History is a convenience; losing its last lines is not worth an error at exit.
            }
            start.close();
        }
        int code = 0;
        kept.finish().ifPresent(this::storeWarning);
        if (kept.warned()) {
            error("the store may lack part of " + kept.label() + " (see above); /save FILE keeps a copy of a chat");
            code = 1;
        } else if (kept.kept() && kept.started()) {
            say("saved as " + kept.label() + "; arena chat " + (kept.name() != null ? "--session " + kept.name()
                    : "--cid " + kept.id()) + " resumes it", DIM);
        }
        terminal.flush();
        return code;
    }

    /** Streams the answer to the conversation as it stands, {@code first} asked first, then the fallbacks. */
    void ask(String first) {
        RichView view = new RichView(terminal, new TextSink(terminal.output(), "the terminal"), color, markdown);
        Recorder recorder = new Recorder(view);
        Cancellation cancel = new Cancellation();
        inFlight = cancel;
        // Keys typed while the answer streams wait, unechoed, for the next prompt (a Ctrl-D
        // too); ISIG stays on, so Ctrl-C still reaches the INT handler.
        Attributes typing = terminal.enterRawMode();
        try {
            view.begin(session.chain(first));
            Answer answer = answerer.answer(session.request(first), session.chain(first), recorder, cancel,
                    RequestTag.chat(kept.conversationFor(session)));
            inFlight = null;
            view.finish(answer);
            session.add(ChatSession.Entry.assistant(answer.text(), answer.answeringModel(), false));
            session.addUsage(answer.completion().usage());
        } catch (CancelledException e) {
            endLine(recorder);
            keepCut(recorder.text(), recorder.model());
            say(SessionFormat.CUT_MARK + (recorder.text().isEmpty() ? " nothing had arrived" : " what arrived is kept"), NOTE);
        } catch (ChainFailedException e) {
            endLine(recorder);
            keepCut(e.partialAnswer(), recorder.model());
            error(describe.apply(e) + (e.partialAnswer().isEmpty() ? "" : "; the partial answer was kept, marked cut")
                    + "; /retry asks again");
        } catch (HttpStatusException e) {
            endLine(recorder);
            error(describe.apply(e));
        } catch (RuntimeException e) {
            // Whatever went wrong with this request, the conversation so far must survive it.
            endLine(recorder);
            keepCut(recorder.text(), recorder.model());
            error("the request failed: " + e + "; /retry asks again");
        } finally {
            inFlight = null;
            terminal.setAttributes(typing);
            checkStore();
        }
    }

    private void keepCut(String partial, String model) {
        if (!partial.isEmpty()) {
            session.add(ChatSession.Entry.assistant(partial, model, true));
        }
    }

    /** The settings changed: the store records them. */
    void settingsChanged() {
        kept.settingsChanged(session);
        checkStore();
    }

    /** The history starts again (/clear, /load): the store records it. */
    void historyReplaced() {
        kept.historyReplaced(session);
        checkStore();
    }

    /** Shows the store's first problem, once; the chat goes on. */
    private void checkStore() {
        kept.takeWarning().ifPresent(this::storeWarning);
    }

    private void storeWarning(String problem) {
        error("warning: the store could not keep this session: " + problem
                + "; the chat goes on, and /save FILE keeps a copy");
    }

    /** False on a dumb terminal, where a question could be answered by keys typed ahead or by a script. */
    boolean canAsk() {
        return !terminal.getType().startsWith(Terminal.TYPE_DUMB);
    }

    /** Asks at the prompt; true only for y or yes. Ctrl-C or Ctrl-D is a no. The answer stays out of the history. */
    boolean confirm(String question) {
        Object history = reader.getVariable(LineReader.DISABLE_HISTORY);
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        try {
            String answer = reader.readLine(TerminalSanitizer.strip(question) + " [y/N] ").strip();
            return answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes");
        } catch (UserInterruptException | EndOfFileException e) {
            return false;
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, history);
        }
    }

    // ---- what the commands need ----

    ChatSession session() {
        return session;
    }

    Path resolve(String file) {
        String f = file.strip();
        return f.equals("~") ? home : f.startsWith("~/") ? home.resolve(f.substring(2)) : Path.of(f);
    }

    /**
     * Ids to complete after /model and /retry: the session's models and those that answered
     * (which a catalogue may lack, a local server's for one), then the aliases and the catalogue.
     */
    private Collection<String> knownModels() {
        LinkedHashSet<String> models = new LinkedHashSet<>();
        models.add(session.model());
        models.addAll(session.fallbacks());
        session.entries().stream().map(ChatSession.Entry::model).filter(m -> m != null).forEach(models::add);
        models.addAll(modelNames.get());
        return models;
    }

    // ---- the terminal ----

    private LineReader reader() {
        LineReaderBuilder builder = LineReaderBuilder.builder();
        historyFile().ifPresent(file -> builder.variable(LineReader.HISTORY_FILE, file));
        LineReader reader = builder
                .terminal(terminal)
                .appName("arena")
                .completer(new SlashCommands(this::knownModels))
                .parser(new ContinuationParser())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "... ")
                .variable(LineReader.HISTORY_SIZE, 1000)
                .variable(LineReader.HISTORY_FILE_SIZE, 5000)
                // "!" is punctuation in chat, not history expansion; same for backslashes.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_TAB, false)
                .build();
        reader.getWidgets().put(NEWLINE_WIDGET, () -> {
            reader.getBuffer().write("\n");
            return true;
        });
        for (String keyMap : new String[] {LineReader.MAIN, LineReader.EMACS, LineReader.VIINS}) {
            reader.getKeyMaps().get(keyMap).bind(new Reference(NEWLINE_WIDGET), KeyMap.alt('\r'), KeyMap.alt('\n'));
        }
        return reader;
    }

    /**
     * The history file, unless it cannot be used: then a warning, the file is left as it is,
     * and the history lasts this session only.
     */
    private Optional<Path> historyFile() {
        try {
            return Optional.of(store.prepareHistory());
        } catch (NotReplaceableException e) {
            historyWarning(e.path() + " is " + e.what() + ", not a regular file");
        } catch (IOException e) {
            historyWarning(e instanceof UnreadableTextException ? e.getMessage()
                    : "in " + store.historyFile() + " cannot be used (" + FileErrors.reason(e) + ")");
        }
        return Optional.empty();
    }

    private void historyWarning(String problem) {
        error("warning: the input history " + problem + "; this session's input is kept only until it ends"
                + " (remove that file, or set XDG_STATE_HOME to another directory)");
    }

    private String prompt() {
        String text = TerminalSanitizer.strip(session.model()) + "> ";
        return styled(text, PROMPT);
    }

    /** A trailing backslash continued the line: the backslash goes, the newline stays. */
    static String joinContinuations(String line) {
        return line.replace("\\\r\n", "\n").replace("\\\n", "\n");
    }

    private void endLine(Recorder recorder) {
        if (recorder.midLine()) {
            terminal.writer().print('\n');
        }
    }

    void say(String text, AttributedStyle style) {
        terminal.writer().println(styled(TerminalSanitizer.strip(text), style));
        terminal.flush();
    }

    void info(String text) {
        say(text, AttributedStyle.DEFAULT);
    }

    void error(String sentence) {
        say("arena: " + sentence, ERROR);
    }

    private String styled(String text, AttributedStyle style) {
        return color ? new AttributedString(text, style).toAnsi(terminal) : text;
    }
}
