package dev.arena.transcript;

import dev.arena.debate.DebateListeners;
import dev.arena.debate.DebateOutcome;
import dev.arena.output.TextSink;
import dev.arena.store.DebateRecorder;
import dev.arena.store.Pace;
import dev.arena.store.RequestRecorder;
import dev.arena.store.StoreReader;
import dev.arena.store.StoreWriter;
import dev.arena.store.StoredDebate;
import dev.arena.text.Redactor;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * For any debate ({@link GeneratedDebates}: texts with CRs, NULs, escapes, Markdown, emoji),
 * what {@link DebateRecorder} stores and {@link StoredDebate} plays back renders as the live
 * debate rendered: the Markdown is the same up to the summary, whose totals the store rebuilds
 * from the turns (the generated summaries' totals are made up, a real debate's are those).
 */
class StoredDebatePropertiesTest {

    @Provide
    Arbitrary<GeneratedDebates.Debate> debates() {
        return GeneratedDebates.debates();
    }

    @Property(tries = 40)
    void aStoredDebateRendersAsItWasWritten(@ForAll("debates") GeneratedDebates.Debate debate) throws Exception {
        Path dir = Files.createTempDirectory("arena-stored-");
        try {
            Path db = dir.resolve("arena.db");
            ByteArrayOutputStream live = new ByteArrayOutputStream();
            String id;
            try (StoreWriter writer = new StoreWriter(db, dir.resolve("cache"), java.time.Duration.ZERO)) {
                id = new RequestRecorder(writer, Redactor.NONE).startDebate(debate.settings().topic(),
                        ScriptedDebate.T0);
                DebateListeners both = new DebateListeners(List.of(new MarkdownDebateWriter(new TextSink(live)),
                        new DebateRecorder(writer, Redactor.NONE, id)));
                GeneratedDebates.play(debate, both);
                both.ended(ScriptedDebate.ID, DebateOutcome.COMPLETE);
                writer.close();
                assertEquals(java.util.Optional.empty(), writer.takeWarning());
            }
            ByteArrayOutputStream stored = new ByteArrayOutputStream();
            try (StoreReader reader = StoreReader.open(db, dir.resolve("cache")).orElseThrow()) {
                StoredDebate.load(reader, id).replay(new MarkdownDebateWriter(new TextSink(stored)), Pace.NONE);
            }
            String expected = live.toString(StandardCharsets.UTF_8);
            String actual = stored.toString(StandardCharsets.UTF_8);
            assertEquals(beforeSummary(expected), beforeSummary(actual));
            assertEquals(expected.substring(expected.lastIndexOf("\n\n*Outcome:")), actual.substring(actual.lastIndexOf("\n\n*Outcome:")));
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // Left for the system's temporary-file clean-up.
            }
        }
    }

    private static String beforeSummary(String markdown) {
        int summary = markdown.lastIndexOf("\n\n## Summary\n");
        return summary < 0 ? markdown : markdown.substring(0, summary);
    }
}
