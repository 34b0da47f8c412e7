package dev.arena.terminal;

import dev.arena.debate.DebateSettings;
import dev.arena.debate.DebateSummary;
import dev.arena.debate.FallbackNote;
import dev.arena.debate.Fighter;
import dev.arena.debate.JudgeReading;
import dev.arena.debate.FighterStats;
import dev.arena.debate.Phase;
import dev.arena.debate.Side;
import dev.arena.debate.Speaker;
import dev.arena.debate.Turn;
import dev.arena.debate.Verdict;
import dev.arena.debate.Winner;
import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.MalformedResponseException;
import dev.arena.openrouter.Completion;
import dev.arena.openrouter.Usage;
import dev.arena.output.TextSink;
import dev.arena.resilience.Answer;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The terminal views, drawn on a JLine dumb terminal: what a person sees, and what a model cannot do to it. */
class RichViewsTest {

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private Terminal terminal() throws Exception {
        return new DumbTerminal("test", "dumb", new ByteArrayInputStream(new byte[0]), screen, StandardCharsets.UTF_8);
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void chatShowsTokensLiveThenWhoAnsweredWithUsage() throws Exception {
        RichView view = new RichView(terminal(), new TextSink(stderr), false, true);
        view.begin(List.of("m"));
        view.onAttempt("m", false);
        view.onReasoning("thinking");
        view.onContent("Hello \u001b[2J\u001b]52;c;ZXZpbA==\u0007world");
        view.onReadDone();
        assertTrue(screen().endsWith("Hello"), "a whole word is on screen once its network read is handled: " + screen());
        view.finish(new Answer("Hello world", "m-2025", new Completion("m-2025", "stop", new Usage(3, 2, 0.0001), "gen-1", null),
                Duration.ofMillis(1200), List.of()));
        String shown = screen();
        assertFalse(shown.contains("\u001b"), "no escape sequence from the model reaches the terminal: " + shown);
        assertTrue(shown.contains("[reasoning]\nthinking\n\nHello world\n"), shown);
        assertTrue(shown.contains("m-2025 · 3 in, 2 out tokens · $0.000100 · 1.2s"), shown);
    }

    @Test
    void chatAndDebateWrapStreamedProseAtWordBoundaries() throws Exception {
        Terminal terminal = terminal();
        terminal.setSize(new org.jline.terminal.Size(12, 10));
        RichView view = new RichView(terminal, new TextSink(stderr), false, true);
        view.onContent("one two thr");
        view.onContent("ee four");
        view.fail("stopped", 1);
        RichDebateView debate = new RichDebateView(terminal, false, true, true);
        debate.turnStarted("d", 1, Side.PRO, Phase.OPENING, "p", Instant.EPOCH);
        debate.delta("d", Side.PRO, "alpha beta gam");
        debate.delta("d", Side.PRO, "ma delta");
        debate.turnEnded("d", new Turn(1, Side.PRO, Phase.OPENING, "p", "p", "alpha beta gamma delta",
                new Usage(1, 1, 0.0), Instant.EPOCH, Instant.EPOCH, List.of(), null));
        assertTrue(screen().startsWith("one two\nthree four\n"), screen());
        assertTrue(screen().contains("alpha beta\ngamma delta\n"), screen());
    }

    @Test
    void markdownIsStyledUnlessRaw() throws Exception {
        RichView styled = new RichView(terminal(), new TextSink(stderr), false, true);
        styled.onContent("## Head\n**bold** text\n");
        styled.fail("stop", 1);
        assertTrue(screen().startsWith("Head\nbold text\n"), screen());
        screen.reset();
        RichView raw = new RichView(terminal(), new TextSink(stderr), false, false);
        raw.onContent("## Head\n**bold** text\n");
        raw.fail("stop", 1);
        assertTrue(screen().startsWith("## Head\n**bold** text\n"), "--raw keeps the markers: " + screen());
    }

    @Test
    void chatFailureGoesToStderrAsOneSentence() throws Exception {
        RichView view = new RichView(terminal(), new TextSink(stderr), true, true);
        view.onContent("partial");
        view.fail("m failed: HTTP 500", 1);
        assertEquals("partial\n", screen().replaceAll("\u001b\\[[0-9;]*m", ""));
        assertEquals("arena: m failed: HTTP 500\n", stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void debateShowsHeadersTurnLinesNoticesAndTheSummary() throws Exception {
        RichDebateView view = new RichDebateView(terminal(), false, true, true);
        DebateSettings settings = new DebateSettings("Tabs \u001b[31mbeat\u001b[0m spaces", 1,
                new Fighter(Side.PRO, List.of("p"), null), new Fighter(Side.CON, List.of("c", "c2"), null),
                0.8, 500, null, List.of());
        Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
        view.debateStarted("d1", settings, t0);
        view.turnStarted("d1", 1, Side.PRO, Phase.OPENING, "p", t0);
        view.delta("d1", Side.PRO, "Tabs are \u001b[1Abetter.");
        view.turnEnded("d1", new Turn(1, Side.PRO, Phase.OPENING, "p", "p", "Tabs are better.", new Usage(5, 3, null), t0,
                t0.plusSeconds(2), List.of(), null));
        view.fallback("d1", Speaker.CON, new FallbackNote("c", "c2", "HTTP 503", false));
        view.turnStarted("d1", 1, Side.CON, Phase.OPENING, "c2", t0);
        view.delta("d1", Side.CON, "Spaces.");
        view.turnEnded("d1", new Turn(1, Side.CON, Phase.OPENING, "c", "c2", "Spaces.", Usage.NONE, t0, t0.plusSeconds(1),
                List.of(new FallbackNote("c", "c2", "HTTP 503", false)), null));
        view.finished("d1", new DebateSummary(List.of(
                new FighterStats(Side.PRO, 1, 5, 3, null, Duration.ofSeconds(2), 0),
                new FighterStats(Side.CON, 1, 0, 0, null, Duration.ofSeconds(1), 1)), null, Duration.ofSeconds(3), null));
        String shown = screen();
        assertFalse(shown.contains("\u001b"), shown);
        assertTrue(shown.startsWith("Debate: Tabs beat spaces\n"), shown);
        assertTrue(shown.contains("Round 1 · Pro · opening statement · p\nTabs are better.\np · 5 in, 3 out tokens · cost unknown · 2.0s\n"), shown);
        assertTrue(shown.contains("Round 1 · Con · opening statement · c2\n[Con] c failed (HTTP 503); falling back to c2\n"
                + "Spaces.\n"), "the fallback is under the header of its turn: " + shown);
        assertTrue(shown.contains("speaker  turns  tokens in  tokens out     cost  time  fallbacks\n"), shown);
        assertTrue(shown.contains("Con          1          0           0  unknown  1.0s          1\n"), shown);
        assertTrue(shown.contains("total        2          5           3  unknown  3.0s          1\n"), shown);
    }

    @Test
    void retriesAndFallbacksBeforeATurnsFirstTextAreShownUnderItsHeaderAndAWaitAtOnce() throws Exception {
        RichDebateView view = new RichDebateView(terminal(), false, true, true);
        Instant t0 = Instant.EPOCH;
        view.turnStarted("d", 1, Side.PRO, Phase.OPENING, "p", t0);
        view.delta("d", Side.PRO, "Yes.");
        view.turnEnded("d", new Turn(1, Side.PRO, Phase.OPENING, "p", "p", "Yes.", Usage.NONE, t0, t0, List.of(), null));
        ApiException busy = new MalformedResponseException("c", "bad JSON");
        view.retry("d", Speaker.CON, busy, Duration.ofSeconds(2), 1, 1);
        assertFalse(screen().contains("[Con]"), "held until the turn has its header: " + screen());
        view.waiting("d", Speaker.CON, "c", Duration.ofSeconds(30), "rate limit");
        assertTrue(screen().contains("[Con] "), "a wait shows at once, with what was held: " + screen());
        String beforeTurn = screen();
        view.fallback("d", Speaker.CON, new FallbackNote("c", "c2", "HTTP 503", false));
        view.turnStarted("d", 1, Side.CON, Phase.OPENING, "c2", t0);
        view.fallback("d", Speaker.CON, new FallbackNote("c2", "c3", "HTTP 500", true));
        view.delta("d", Side.CON, "No.");
        view.judging("d", "j");
        view.retry("d", Speaker.JUDGE, new MalformedResponseException("j", "bad JSON"), Duration.ofSeconds(1), 1, 2);
        String turn = screen().substring(beforeTurn.length());
        assertTrue(turn.startsWith("\nRound 1 · Con · opening statement · c2\n[Con] c failed (HTTP 503); falling back to c2\n"
                + "[Con] c2 failed"), turn);
        assertTrue(turn.contains("Judging with j (asked twice, sides swapped)...\n[Judge] "), turn);
    }

    @Test
    void summaryTotalAddsTheJudgesRowToTheFighters() throws Exception {
        RichDebateView view = new RichDebateView(terminal(), false, true, true);
        Verdict verdict = new Verdict(Winner.PRO, Map.of(), "Pro.", "j/judge", true, List.of(),
                new Usage(100, 20, 0.004), Duration.ofSeconds(4));
        view.finished("d1", new DebateSummary(List.of(
                new FighterStats(Side.PRO, 2, 10, 30, 0.001, Duration.ofSeconds(2), 0),
                new FighterStats(Side.CON, 2, 12, 40, null, Duration.ofSeconds(3), 1)), verdict,
                Duration.ofSeconds(10), null));
        assertEquals(List.of(
                "",
                "speaker  turns  tokens in  tokens out       cost  time  fallbacks",
                "Pro          2         10          30  $0.001000  2.0s          0",
                "Con          2         12          40    unknown  3.0s          1",
                "Judge                 100          20  $0.004000  4.0s",
                "total        4        122          90  $0.005000   10s          1"),
                screen().lines().map(String::stripTrailing).toList());
    }

    @Test
    void verdictSaysWhyATieIsATieAndWhatTheJudgeCost() throws Exception {
        RichDebateView view = new RichDebateView(terminal(), false, true, true);
        JudgeReading read = new JudgeReading(Side.PRO, Winner.PRO, Map.of(), "Pro.", "{}", true);
        JudgeReading unread = new JudgeReading(Side.CON, Winner.TIE, Map.of(), "Hmm.", "Hmm.", false);
        view.verdict("d1", new Verdict(Winner.TIE, Map.of(), "Pro.", "j/judge", false, List.of(read, unread),
                new Usage(2100, 130, 0.005), Duration.ofMillis(3000)));
        String shown = screen();
        assertTrue(shown.startsWith("Verdict: Tie (one of the judge's answers could not be read)\n"), shown);
        assertFalse(shown.contains("disagreed"), shown);
        assertTrue(shown.contains("Judge: j/judge · 2100 in, 130 out tokens · $0.005000 · 3.0s\n"), shown);
    }

    @Test
    void verdictOfDisagreeingReadings() throws Exception {
        RichDebateView view = new RichDebateView(terminal(), false, true, true);
        JudgeReading a = new JudgeReading(Side.PRO, Winner.PRO, Map.of(), "x", "{}", true);
        JudgeReading b = new JudgeReading(Side.CON, Winner.CON, Map.of(), "y", "{}", true);
        view.verdict("d1", new Verdict(Winner.TIE, Map.of(), "x", "j/judge", false, List.of(a, b)));
        assertTrue(screen().startsWith("Verdict: Tie (the judge's two readings disagreed)\n"), screen());
    }

    @Test
    void summaryCopesWithCountsAndTimesAsTheyCome() throws Exception {
        RichDebateView view = new RichDebateView(terminal(), false, true, true);
        // A failed turn may or may not be counted; a time may be missing: the table shows what it gets.
        view.finished("d1", new DebateSummary(List.of(
                new FighterStats(Side.PRO, 0, 0, 0, null, null, 0),
                new FighterStats(Side.CON, 3, 1, 2, 0.5, Duration.ofSeconds(1), 0)), null, null, "stopped"));
        String shown = screen();
        assertTrue(shown.contains("Pro          0          0           0  unknown                0\n"), shown);
        assertFalse(shown.contains("stopped"), "a live run says why it stopped once, on stderr: " + shown);
    }

    @Test
    void aReplayedDebateThatStoppedSaysWhyUnderItsSummary() throws Exception {
        RichDebateView view = new RichDebateView(terminal(), false, true, false);
        view.finished("d1", new DebateSummary(List.of(
                new FighterStats(Side.PRO, 1, 0, 0, null, null, 0),
                new FighterStats(Side.CON, 1, 0, 0, null, null, 0)), null, null, "Con's turn failed"));
        String shown = screen();
        assertEquals(1, shown.split("The debate stopped early", -1).length - 1, shown);
        assertTrue(shown.contains("The debate stopped early: Con's turn failed\n"), shown);
    }
}
