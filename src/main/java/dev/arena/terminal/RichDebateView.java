package dev.arena.terminal;

import dev.arena.debate.DebateListener;
import dev.arena.debate.DebateSettings;
import dev.arena.debate.DebateSummary;
import dev.arena.debate.FallbackNote;
import dev.arena.debate.Phase;
import dev.arena.debate.Scores;
import dev.arena.debate.Side;
import dev.arena.debate.Speaker;
import dev.arena.debate.Turn;
import dev.arena.debate.Verdict;
import dev.arena.openrouter.ApiException;
import dev.arena.output.Notices;
import dev.arena.output.TextTable;
import dev.arena.render.MarkdownStyler;
import dev.arena.render.WordWrapper;
import dev.arena.text.TerminalSanitizer;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A debate at the terminal: a coloured header per turn (round, side, phase, the model that
 * actually answered), the tokens as they arrive (sanitised), a short line after each turn,
 * the verdict, and a summary table per fighter.
 */
public final class RichDebateView implements DebateListener {

    private static final AttributedStyle PRO = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN).bold();
    private static final AttributedStyle CON = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA).bold();
    private static final AttributedStyle TITLE = AttributedStyle.DEFAULT.bold();
    private static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
    private static final AttributedStyle NOTICE = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    private static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold();

    private final Terminal terminal;
    private final PrintWriter writer;
    private final boolean color;
    private TerminalSanitizer sanitizer = new TerminalSanitizer();
    private boolean atLineStart = true;
    private WordWrapper wrapper;
    private MarkdownStyler markdown;
    private final boolean renderMarkdown;
    private final boolean live;
    /**
     * A fighter's retries and fallbacks before its turn has a header: the debate announces a
     * turn when its first text arrives, so that the header names the model that answered.
     * They are shown under that header.
     */
    private final List<String> held = new ArrayList<>();
    private boolean inTurn;

    /**
     * {@code live} is a debate being run: its runner ends it with one sentence on stderr, the
     * same screen, that says why it stopped, so the view leaves that out; a replay says it here.
     */
    public RichDebateView(Terminal terminal, boolean color, boolean renderMarkdown, boolean live) {
        this.terminal = terminal;
        this.renderMarkdown = renderMarkdown;
        this.live = live;
        this.writer = terminal.writer();
        this.color = color;
    }

    @Override
    public void debateStarted(String debateId, DebateSettings settings, Instant at) {
        line(clean("Debate: " + settings.topic()), TITLE);
        line(clean("Pro: " + settings.pro().model() + "  vs  Con: " + settings.con().model() + " · "
                + settings.rounds() + (settings.rounds() == 1 ? " round" : " rounds")
                + (settings.judged() ? " · judge: " + settings.judgeModels().get(0) : "")), DIM);
    }

    @Override
    public void turnStarted(String debateId, int round, Side side, Phase phase, String model, Instant at) {
        sanitizer = new TerminalSanitizer();
        wrapper = new WordWrapper(terminal::getWidth);
        markdown = renderMarkdown ? new MarkdownStyler(wrapper) : null;
        endLine();
        writer.print('\n');
        line(clean("Round " + round + " · " + side.label() + " · " + phase.label() + " · " + model), style(side));
        inTurn = true;
        showHeld();
    }

    @Override
    public void delta(String debateId, Side side, String text) {
        String printable = sanitizer.sanitize(text);
        if (!printable.isEmpty()) {
            if (markdown == null) {
                wrapper.append(printable, AttributedStyle.DEFAULT);
            } else {
                markdown.append(printable);
            }
            writer.print(rendered());
            atLineStart = wrapper.atLineStart();
            terminal.flush();
        }
    }

    @Override
    public void turnEnded(String debateId, Turn turn) {
        inTurn = false;
        endLine();
        if (turn.failed()) {
            line(clean("This turn failed: " + turn.error()), ERROR);
        } else {
            Duration took = turn.startedAt() == null || turn.endedAt() == null
                    ? Duration.ZERO : Duration.between(turn.startedAt(), turn.endedAt());
            line(clean(Notices.usage(turn.answeringModel(), turn.usage(), took)), DIM);
        }
    }

    @Override
    public void retry(String debateId, Speaker who, ApiException failure, Duration delay, int retry, int maxRetries) {
        noticeInTurn(who, Notices.retry(failure, delay, retry, maxRetries));
    }

    /** A wait can be long: it is shown at once, with what was held before it, so the screen says why nothing moves. */
    @Override
    public void waiting(String debateId, Speaker who, String model, Duration wait, String reason) {
        showHeld();
        notice(who, Notices.waiting(model, wait, reason));
    }

    @Override
    public void fallback(String debateId, Speaker who, FallbackNote note) {
        noticeInTurn(who, Notices.fallback(note.fromModel(), note.reason(), note.toModel(), note.continuing()));
    }

    @Override
    public void judging(String debateId, String model) {
        endLine();
        writer.print('\n');
        line(clean("Judging with " + model + " (asked twice, sides swapped)..."), DIM);
    }

    @Override
    public void verdict(String debateId, Verdict verdict) {
        String winner = switch (verdict.winner()) {
            case PRO -> "Pro wins";
            case CON -> "Con wins";
            case TIE -> verdict.tieExplanation() == null ? "Tie" : "Tie (" + verdict.tieExplanation() + ")";
        };
        line("Verdict: " + winner, TITLE);
        Scores pro = verdict.scores().get(Side.PRO);
        Scores con = verdict.scores().get(Side.CON);
        if (pro != null && con != null) {
            TextTable table = new TextTable("score", "Pro", "Con")
                    .row("argument strength", score(pro.argumentStrength()), score(con.argumentStrength()))
                    .row("rebuttal", score(pro.rebuttal()), score(con.rebuttal()))
                    .row("evidence", score(pro.evidence()), score(con.evidence()))
                    .row("clarity", score(pro.clarity()), score(con.clarity()))
                    .row("total", score(pro.total()), score(con.total()));
            table.lines().forEach(l -> line(l, null));
        }
        if (verdict.rationale() != null && !verdict.rationale().isBlank()) {
            line(clean(verdict.rationale()), null);
        }
        if (verdict.judgeModel() != null) {
            line(clean("Judge: " + Notices.usage(verdict.judgeModel(), verdict.usage(), verdict.elapsed())), DIM);
        }
    }

    @Override
    public void finished(String debateId, DebateSummary summary) {
        showHeld();
        endLine();
        writer.print('\n');
        List<String> lines = DebateSummaryTable.lines(summary);
        line(lines.get(0), DIM);
        lines.subList(1, lines.size() - 1).forEach(l -> line(l, null));
        line(lines.get(lines.size() - 1), TITLE);
        if (!summary.complete() && !live) {
            line(clean("The debate stopped early: " + summary.stopReason()), ERROR);
        }
        terminal.flush();
    }

    /** The judge's notices follow its own "Judging with" line; a fighter's wait for their turn's header. */
    private void noticeInTurn(Speaker who, String text) {
        if (inTurn || who == Speaker.JUDGE) {
            notice(who, text);
        } else {
            held.add(text(who, text));
        }
    }

    private void showHeld() {
        held.forEach(text -> line(text, NOTICE));
        held.clear();
    }

    private void notice(Speaker who, String text) {
        endLine();
        line(text(who, text), NOTICE);
    }

    private static String text(Speaker who, String text) {
        return clean("[" + who.label() + "] " + text);
    }

    private void line(String text, AttributedStyle style) {
        writer.print(style == null || !color ? text : new AttributedString(text, style).toAnsi(terminal));
        writer.print('\n');
        atLineStart = true;
        terminal.flush();
    }

    private void endLine() {
        if (wrapper != null) {
            // The turn's last word, held until its end was known, goes out before the line ends.
            if (markdown != null) {
                markdown.finish();
            }
            wrapper.endLine();
            writer.print(rendered());
            atLineStart = wrapper.atLineStart();
        }
        if (!atLineStart) {
            writer.print('\n');
            atLineStart = true;
        }
    }

    private String rendered() {
        AttributedString ready = wrapper.drain();
        return color ? ready.toAnsi(terminal) : ready.toString();
    }

    private static AttributedStyle style(Side side) {
        return side == Side.PRO ? PRO : CON;
    }

    /** Topics, model ids and error messages are text from outside too: sanitise them as well. */
    private static String clean(String text) {
        return TerminalSanitizer.strip(text);
    }

    private static String score(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
