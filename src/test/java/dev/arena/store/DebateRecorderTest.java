package dev.arena.store;

import dev.arena.debate.DebateListener;
import dev.arena.debate.DebateSettings;
import dev.arena.debate.FallbackNote;
import dev.arena.debate.Fighter;
import dev.arena.debate.Phase;
import dev.arena.debate.Side;
import dev.arena.debate.Turn;
import dev.arena.openrouter.Usage;
import dev.arena.text.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recorder's promises beyond a normal debate: it never throws, and no text reaches the store with the key in it. */
class DebateRecorderTest {

    private static final String KEY = "sk-or-v1-recorder-secret-0123456789";
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    private final DebateSettings settings = new DebateSettings("Keys " + KEY + " leak", 1,
            new Fighter(Side.PRO, List.of("p/one"), "You quote " + KEY), new Fighter(Side.CON, List.of("c/one"), null),
            null, null, null, List.of());

    /** Records a debate of {@link #settings} that spoke {@code turn}, as a debate would; returns its id. */
    private String recordOneTurn(Path db, Redactor redactor, Turn turn) {
        try (StoreWriter writer = new StoreWriter(db, dir.resolve("cache"), java.time.Duration.ZERO)) {
            String id = new RequestRecorder(writer, redactor).startDebate(settings.topic(), T0);
            DebateRecorder recorder = new DebateRecorder(writer, redactor, id);
            recorder.debateStarted(id, settings, T0);
            recorder.turnEnded(id, turn);
            writer.close();
            assertEquals(Optional.empty(), writer.takeWarning());
            return id;
        }
    }

    @Test
    void aTurnThatCannotBecomeARowIsTheStoresWarningNotTheDebatesFailure() {
        StoreWriter writer = new StoreWriter(dir.resolve("arena.db"), dir.resolve("cache"), java.time.Duration.ZERO);
        String id = new RequestRecorder(writer, Redactor.NONE).startDebate(settings.topic(), T0);
        DebateRecorder recorder = new DebateRecorder(writer, Redactor.NONE, id);
        recorder.debateStarted(id, settings, T0);
        recorder.turnEnded(id, new Turn(1, Side.PRO, Phase.OPENING, "p/one", "p/one", "text", Usage.NONE, null, null, List.of(), null));
        writer.close();
        Optional<String> warning = writer.takeWarning();
        assertTrue(warning.isPresent() && warning.get().contains("could not record the debate"), warning.toString());
    }

    @Test
    void everyTextIsRedacted() throws Exception {
        Path db = dir.resolve("arena.db");
        recordOneTurn(db, new Redactor(KEY), new Turn(1, Side.PRO, Phase.OPENING, "p/one", "p/one", "I say " + KEY,
                Usage.NONE, T0, T0.plusSeconds(1), List.of(), "failed: " + KEY));
        try (Connection c = Database.open(db, dir.resolve("cache"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT d.topic, d.pro_stance, t.text, t.error FROM debates d JOIN turns t ON t.debate_id = d.id")) {
            assertTrue(r.next());
            assertEquals(List.of("Keys [redacted] leak", "You quote [redacted]", "I say [redacted]", "failed: [redacted]"),
                    List.of(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
        }
    }

    @Test
    void aTurnKeepsTheModelAskedBesideTheModelThatAnsweredAndReplaysBoth() throws Exception {
        Path db = dir.resolve("arena.db");
        FallbackNote note = new FallbackNote("p/one", "p/backup", "HTTP 503", false);
        Turn spoken = new Turn(1, Side.PRO, Phase.OPENING, "p/one", "p/backup", "Backup speaks.", Usage.NONE, T0,
                T0.plusSeconds(1), List.of(note), null);
        String id = recordOneTurn(db, Redactor.NONE, spoken);
        try (Connection c = Database.open(db, dir.resolve("cache"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT model_asked, model FROM turns")) {
            assertTrue(r.next());
            assertEquals(List.of("p/one", "p/backup"), List.of(r.getString(1), r.getString(2)));
        }
        List<Turn> replayed = new ArrayList<>();
        try (StoreReader reader = StoreReader.open(db, dir.resolve("cache")).orElseThrow()) {
            StoredDebate.load(reader, id).replay(new DebateListener() {
                @Override
                public void turnEnded(String debateId, Turn turn) {
                    replayed.add(turn);
                }
            }, Pace.NONE);
        }
        assertEquals(List.of(spoken), replayed);
    }
}
