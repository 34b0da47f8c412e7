package dev.arena.cli;

import dev.arena.debate.DebateListeners;
import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.output.TextSink;
import dev.arena.terminal.Terminals;
import dev.arena.transcript.ConversationListener;
import dev.arena.transcript.JsonLinesConversationWriter;
import dev.arena.transcript.MarkdownConversationWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * {@code arena replay ID [--speed N]}: a stored debate or chat played back at its recorded
 * pace through the views a live run uses: the terminal's, or on a pipe the same Markdown
 * {@code logs show} prints, byte for byte.
 */
@Command(addMethodSubcommands = false, name = "replay", sortOptions = false, mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.HELP_0, "1:stdout could not be written (a full disk, an I/O error)", "2:usage error (a bad flag or value)",
            "3:no entry has that id, or the store cannot be read (damaged, from a newer arena, locked, unreadable)",
            ExitCode.HELP_130},
        description = {"Play a stored debate or chat conversation back at its recorded pace, as it was shown live.",
            "Each text is spread evenly over the time it took to arrive; a pause is at most "
                + "2 s, however long the wait in the record."})
final class ReplayCommand implements Callable<Integer> {

    @ParentCommand
    ArenaCommand root;

    @Parameters(paramLabel = "ID", description = "The entry's id (as arena logs lists it), or a unique prefix of at least 4 characters.")
    String id;

    @Option(names = "--speed", paramLabel = "N", defaultValue = "1", converter = Speed.class,
            description = "How many times faster than recorded: 2 is twice as fast, 0.5 half, 0 no waiting (default: ${DEFAULT-VALUE}).")
    double speed;

    @Mixin
    StoreFileOption store;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Stdio io = root.stdio();
        TextSink out = TextSink.stdout(io.out());
        TextSink err = TextSink.stderr(io.err());
        return StoredEntries.use(io, store.file(io), id, err, entry -> {
            Cancellation cancel = new Cancellation();
            try (StopSignals ignored = StopSignals.cancel(cancel)) {
                ReplayPace pace = new ReplayPace(speed, cancel);
                if (entry.debate() != null) {
                    entry.debate().replay(new DebateListeners(output.debateViews(io, out, err, false)), pace);
                } else {
                    entry.chat().replay(chatView(io, out, err), pace);
                }
                return ExitCode.OK;
            } catch (CancelledException e) {
                out.flush();
                return StoredEntries.say(err, "interrupted", ExitCode.INTERRUPTED);
            }
        });
    }

    /** As a live chat shows it: the terminal's view, JSON events, or on a pipe the Markdown of logs show. */
    private ConversationListener chatView(Stdio io, TextSink out, TextSink err) {
        if (output.json) {
            return new JsonLinesConversationWriter(out, Clock.systemUTC(), io.stdoutIsTerminal());
        }
        if (io.stdoutIsTerminal()) {
            return new ChatReplayView(Terminals.openStdout(), err, output.color(io), !output.raw);
        }
        return new MarkdownConversationWriter(out);
    }

    /** A speed: a number from 0 (no waiting) up. */
    static final class Speed implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double speed;
            try {
                speed = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a speed; give a number such as 2, 0.5 or 0");
            }
            if (!(speed >= 0) || Double.isInfinite(speed)) {
                throw new TypeConversionException("'" + value + "' is not a speed; give 0 (no waiting) or more, such as 2");
            }
            return speed;
        }
    }
}
