package dev.arena.transcript;

import static dev.arena.transcript.ScriptedDebate.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arena.debate.DebateSettings;
import dev.arena.debate.FallbackNote;
import dev.arena.debate.Fighter;
import dev.arena.debate.JudgeReading;
import dev.arena.debate.Phase;
import dev.arena.debate.Side;
import dev.arena.debate.Speaker;
import dev.arena.debate.Turn;
import dev.arena.debate.Verdict;
import dev.arena.debate.Winner;
import dev.arena.openrouter.Usage;
import dev.arena.output.TextSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownTranscriptTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final MarkdownDebateWriter writer = new MarkdownDebateWriter(new TextSink(bytes));

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void judgedDebateWithAFallback() {
        ScriptedDebate.play(ScriptedDebate.judgedDebate(), writer);
        assertEquals("""
                # Debate: Cities should ban private cars

                - Pro: openai/gpt-4o-mini (fallbacks: mistralai/mistral-small)
                - Con: anthropic/claude-3.5-haiku
                - Rounds: 2 · temperature 0.8 · max tokens 500 · seed 7
                - Judge: google/gemini-2.0-flash (fallbacks: openai/gpt-4o)
                - Started: 2026-11-25T10:00:00Z

                ## Round 1 — Pro (openai/gpt-4o-mini)

                *Opening statement*

                Cars choke cities. Ban them.

                *openai/gpt-4o-mini failed (error in stream (server_error): Provider disconnected); \
                mistralai/mistral-small continued the answer*

                *Pro · mistralai/mistral-small · 120 in, 310 out tokens · $0.000123 · 4.2s · started 2026-11-25T10:00:01Z*

                ## Round 1 — Con (anthropic/claude-3.5-haiku)

                *Opening statement*

                Freedom of movement matters.

                *Con · anthropic/claude-3.5-haiku · 100 in, 200 out tokens · cost unknown · 2.0s · started 2026-11-25T10:00:05Z*

                ## Round 2 — Pro (openai/gpt-4o-mini)

                *Closing statement*

                Closing: ban them.

                *Pro · openai/gpt-4o-mini · 150 in, 50 out tokens · $0.0125 · 1.5s · started 2026-11-25T10:00:07Z*

                ## Round 2 — Con (anthropic/claude-3.5-haiku)

                *Closing statement*

                Closing: keep them.

                *Con · anthropic/claude-3.5-haiku · 140 in, 60 out tokens · cost unknown · 10s · started 2026-11-25T10:00:09Z*

                *Judge: google/gemini-2.0-flash failed (HTTP 429: Rate limit exceeded); openai/gpt-4o took over*

                ## Verdict

                **Winner: Pro**

                | Criterion | Pro | Con |
                |---|---:|---:|
                | Argument strength | 8.0 | 6.5 |
                | Rebuttal | 7.5 | 7.0 |
                | Evidence | 6.0 | 5.3 |
                | Clarity | 9.0 | 8.0 |
                | **Total** | **30.5** | **26.8** |

                Pro was concrete; Con relied on slogans.

                *Judge · google/gemini-2.0-flash · 2100 in, 130 out tokens · $0.005000 · 3.0s · \
                asked twice with the sides swapped*

                ## Summary

                | Fighter | Turns | Tokens in | Tokens out | Cost | Time | Fallbacks |
                |---|---:|---:|---:|---:|---:|---:|
                | Pro | 2 | 270 | 360 | $0.0126 | 5.7s | 1 |
                | Con | 2 | 240 | 260 | unknown | 12s | 0 |

                Elapsed: 25s
                """, text());
    }

    @Test
    void debateStoppedByAFailedTurnKeepsItsPartialText() {
        ScriptedDebate.play(ScriptedDebate.stoppedDebate(), writer);
        assertEquals("""
                # Debate: Remote work beats the office

                - Pro: openai/gpt-4o-mini
                - Con: anthropic/claude-3.5-haiku
                - Rounds: 2
                - Started: 2026-11-25T10:00:00Z

                ## Round 1 — Pro (openai/gpt-4o-mini)

                *Opening statement*

                Commutes waste lives.

                *Pro · openai/gpt-4o-mini · 50 in, 20 out tokens · $0 · 800ms · started 2026-11-25T10:00:01Z*

                ## Round 1 — Con (anthropic/claude-3.5-haiku)

                *Opening statement*

                Offices build

                **This turn failed:** every model failed: anthropic/claude-3.5-haiku: HTTP 503: Service Unavailable

                *Con · anthropic/claude-3.5-haiku · started 2026-11-25T10:00:02Z · failed after 2.0s*

                ## Summary

                | Fighter | Turns | Tokens in | Tokens out | Cost | Time | Fallbacks |
                |---|---:|---:|---:|---:|---:|---:|
                | Pro | 1 | 50 | 20 | $0 | 800ms | 0 |
                | Con | 1 | 0 | 0 | unknown | 2.0s | 0 |

                Elapsed: 4.1s

                **The debate stopped early:** Con's turn in round 1 failed
                """, text());
    }

    @Test
    void everyDeltaReachesTheStreamAsItArrives() {
        StringBuilder deltas = new StringBuilder();
        for (ScriptedDebate.Event event : ScriptedDebate.judgedDebate()) {
            event.action().accept(writer);
            if (event.name().startsWith("delta")) {
                String piece = event.name().substring("delta '".length(), event.name().length() - 1)
                        .replace("\\n", "\n");
                deltas.append(piece);
                assertTrue(text().endsWith(piece), () -> "after " + event.name() + ":\n" + text());
            }
        }
        assertTrue(deltas.length() > 0);
    }

    @Test
    void headerListsOnlyTheParametersThatWereSet() {
        writer.debateStarted(ScriptedDebate.ID, new DebateSettings("Tea beats coffee", 1,
                new Fighter(Side.PRO, List.of("a/one"), "You are a tea sommelier.\nBe warm."),
                new Fighter(Side.CON, List.of("b/two", "c/three", "d/four"), null),
                1.0, null, 42L, List.of()), at(0));
        assertEquals("""
                # Debate: Tea beats coffee

                - Pro: a/one
                - Con: b/two (fallbacks: c/three, d/four)
                - Rounds: 1 · temperature 1 · seed 42
                - Pro stance: You are a tea sommelier. Be warm.
                - Started: 2026-11-25T10:00:00Z
                """, text());
    }

    @Test
    void turnThatFailsWithoutTextAfterAFallback() {
        writer.turnStarted(ScriptedDebate.ID, 2, Side.PRO, Phase.REBUTTAL, "a/one", at(0));
        writer.fallback(ScriptedDebate.ID, Speaker.PRO, new FallbackNote("a/one", "c/two", "HTTP 500: oops", false));
        writer.turnEnded(ScriptedDebate.ID, new Turn(2, Side.PRO, Phase.REBUTTAL, "a/one", "c/two", "", Usage.NONE, at(0), at(10),
                List.of(new FallbackNote("a/one", "c/two", "HTTP 500: oops", false)), "c/two: connection refused"));
        assertEquals("""
                ## Round 2 — Pro (a/one)

                *Rebuttal*

                *a/one failed (HTTP 500: oops); c/two took over*

                **This turn failed:** c/two: connection refused

                *Pro · c/two · started 2026-11-25T10:00:00Z · failed after 10ms*
                """, text());
    }

    @Test
    void disagreeingReadingsAreATieAndUnreadableScoresAreSaid() {
        writer.verdict(ScriptedDebate.ID, new Verdict(Winner.TIE, Map.of(), null, "j/judge", false, List.of()));
        String text = text();
        assertTrue(text.startsWith("## Verdict\n\n**Winner: Tie.** The judge's two readings"), text);
        assertTrue(text.contains("disagreed, so the debate is a tie.\n\n*The judge's scores could not be read.*\n"),
                text);
        assertFalse(text.contains("| Criterion"), text);
    }

    @Test
    void anUnreadableJudgeAnswerIsNotCalledADisagreement() {
        JudgeReading read = new JudgeReading(Side.PRO, Winner.PRO, Map.of(), "Pro.", "{\"winner\":\"A\"}", true);
        JudgeReading unread = new JudgeReading(Side.CON, Winner.TIE, Map.of(), "Hmm.", "Hmm.", false);
        writer.verdict(ScriptedDebate.ID, new Verdict(Winner.TIE, Map.of(), "Pro.", "j/judge", false, List.of(read, unread)));
        String text = text();
        assertTrue(text.startsWith("## Verdict\n\n**Winner: Tie.** One of the judge's answers could not be read, "
                + "so the debate is a tie.\n"), text);
        assertFalse(text.contains("disagreed"), text);
    }

    @Test
    void controlCharactersFromModelsNeverReachTheDocument() {
        writer.debateStarted(ScriptedDebate.ID, new DebateSettings("Tabs \u001b]0;pwned\u0007beat spaces", 1,
                new Fighter(Side.PRO, List.of("a/one"), null), new Fighter(Side.CON, List.of("b/two"), null),
                null, null, null, List.of()), at(0));
        writer.turnStarted(ScriptedDebate.ID, 1, Side.PRO, Phase.OPENING, "a/one", at(0));
        writer.delta(ScriptedDebate.ID, Side.PRO, "Tabs \u001b[");   // a sequence split between two deltas
        writer.delta(ScriptedDebate.ID, Side.PRO, "2Jare\u0000 better.\r");
        writer.delta(ScriptedDebate.ID, Side.PRO, "Really\u001b]8;;http://evil/\u001b\\.");
        writer.turnEnded(ScriptedDebate.ID, new Turn(1, Side.PRO, Phase.OPENING, "a/one", "a/one\u001b[31m", "x", Usage.NONE, at(0), at(10),
                List.of(), "a/one: \u001b[2Jboom\u0007"));
        writer.verdict(ScriptedDebate.ID, new Verdict(Winner.PRO, Map.of(), "Pro \u001b[5mwins\u009b1m.", "j\u0000/judge", true, List.of()));
        String text = text();
        for (char c : text.toCharArray()) {
            assertTrue(c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f)),
                    () -> "control character " + (int) c + " in:\n" + text);
        }
        assertTrue(text.contains("# Debate: Tabs beat spaces\n"), text);
        assertTrue(text.contains("\n\nTabs are better.\nReally.\n"), text);
        assertTrue(text.contains("**This turn failed:** a/one: boom\n"), text);
        assertTrue(text.contains("Pro wins.\n"), text);
    }

    @Test
    void aNewTurnStartsWithACleanSanitizer() {
        writer.turnStarted(ScriptedDebate.ID, 1, Side.PRO, Phase.OPENING, "a/one", at(0));
        writer.delta(ScriptedDebate.ID, Side.PRO, "cut off \u001b]0;unterminated title");
        writer.turnEnded(ScriptedDebate.ID, new Turn(1, Side.PRO, Phase.OPENING, "a/one", "a/one", "", Usage.NONE, at(0), at(10), List.of(), "x"));
        writer.turnStarted(ScriptedDebate.ID, 1, Side.CON, Phase.OPENING, "b/two", at(20));
        writer.delta(ScriptedDebate.ID, Side.CON, "Con speaks.");
        assertTrue(text().endsWith("\n\nCon speaks."), text());
    }

    @Test
    void agreedTieNeedsNoNote() {
        writer.verdict(ScriptedDebate.ID, new Verdict(Winner.TIE, Map.of(Side.PRO, ScriptedDebate.PRO_SCORES,
                Side.CON, ScriptedDebate.PRO_SCORES), "Even.", "j/judge", true, List.of()));
        assertTrue(text().startsWith("## Verdict\n\n**Winner: Tie**\n\n| Criterion | Pro | Con |\n"), text());
        assertTrue(text().contains("| **Total** | **30.5** | **30.5** |\n\nEven.\n"), text());
    }
}
