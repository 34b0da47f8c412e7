package dev.arena.debate;

import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.openrouter.Message;
import dev.arena.openrouter.Usage;
import dev.arena.resilience.Answer;
import dev.arena.resilience.Answerer;
import dev.arena.resilience.ChainFailedException;
import dev.arena.resilience.ChainListener;
import dev.arena.resilience.RequestTag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One side of the debate. It holds its model chain and stance, and speaks one turn at a
 * time through the shared {@link Answerer} (so rate limits and fallbacks apply). It
 * sees the debate from its own seat: its turns as assistant messages, the opponent's as
 * user messages, and the topic, side, round and phase in its system prompt.
 */
public final class FighterAgent {

    /** The error of a turn cut short by Ctrl-C or a kill. */
    public static final String INTERRUPTED = "interrupted";

    private final Fighter fighter;
    private final DebateSettings settings;

    public FighterAgent(Fighter fighter, DebateSettings settings) {
        this.fighter = fighter;
        this.settings = settings;
    }

    public Side side() {
        return fighter.side();
    }

    /** The request for this fighter's turn in {@code round}, given every turn spoken so far. */
    public ChatRequest request(List<Turn> history, int round) {
        List<Message> messages = new ArrayList<>();
        messages.add(Message.system(systemPrompt(round)));
        if (history.isEmpty() || history.get(0).side() == fighter.side()) {
            // The opening speaker has no opponent message to answer yet: a user message starts the debate.
            messages.add(Message.user("The debate begins. The topic is: \"" + settings.topic() + "\". Give your opening statement."));
        }
        for (Turn turn : history) {
            messages.add(turn.side() == fighter.side() ? Message.assistant(turn.text()) : Message.user(opponentSays(turn)));
        }
        return new ChatRequest(fighter.model(), messages, settings.temperature(), settings.maxTokens(), settings.seed());
    }

    /**
     * The opponent's turn as this fighter reads it: framed, so that a model does not take
     * the opponent's words for instructions from its user.
     */
    private static String opponentSays(Turn turn) {
        return "Your opponent (" + turn.side().label() + "), round " + turn.round() + ", " + turn.phase().label()
                + ":\n\n" + turn.text();
    }

    String systemPrompt(int round) {
        Phase phase = Phase.of(round, settings.rounds());
        String persona = fighter.stance() != null && !fighter.stance().isBlank()
                ? fighter.stance().strip()
                : "You are a sharp, persuasive debater in a formal debate.";
        StringBuilder prompt = new StringBuilder(persona)
                .append("\n\nThe topic is: \"").append(settings.topic()).append("\".")
                .append("\nYou argue ").append(fighter.side().stance()).append(" the topic (the ")
                .append(fighter.side().label()).append(" side); your opponent argues ")
                .append(fighter.side().opponent().stance()).append(" it.")
                .append("\nThis is round ").append(round).append(" of ").append(settings.rounds())
                .append(": your ").append(phase.label()).append(". ").append(phase.instruction())
                .append("\nSpeak directly to your opponent and the audience; use concrete evidence and examples.");
        if (settings.maxTokens() != null) {
            // Tokens run out mid-sentence; a word budget lets the model finish its thought in time.
            prompt.append(" Keep it under about ").append(settings.maxTokens() * 3 / 5).append(" words.");
        }
        return prompt.toString();
    }

    /**
     * What ends a turn that reached the answerer's length limit: streamed and kept as the last
     * words of its text, so every view, every transcript format and the judge see the cut.
     */
    public static String cutMarker(int limit) {
        return String.format(Locale.ROOT, "\n\n[arena cut this turn at %,d characters]", limit);
    }

    /**
     * Speaks this fighter's turn, streaming it to {@code listener}. A turn whose every model
     * failed, or that was interrupted, is returned with its error and whatever text arrived,
     * so the debate can record it; an account problem is thrown. A turn cut at the answerer's
     * length limit is complete, ending with {@link #cutMarker}.
     */
    public Turn speak(List<Turn> history, int round, Answerer answerer, DebateListener listener, Cancellation cancel,
                      String debateId) throws HttpStatusException {
        Phase phase = Phase.of(round, settings.rounds());
        TurnEvents events = new TurnEvents(debateId, round, phase, listener);
        try {
            Answer answer = answerer.answer(request(history, round), fighter.models(), events, cancel,
                    RequestTag.turn(debateId, fighter.side().name().toLowerCase(Locale.ROOT), round));
            events.ensureStarted();
            String text = answer.text();
            if (answer.completion().cut()) {
                String marker = cutMarker(answerer.answerLimit());
                events.onContent(marker);
                text += marker;
            }
            return turn(round, phase, answer.answeringModel(), text, answer.completion().usage(), events.startedAt(),
                    events.fallbacks, null);
        } catch (ChainFailedException e) {
            events.ensureStarted();
            return turn(round, phase, events.model, e.partialAnswer(), Usage.NONE, events.startedAt(), events.fallbacks,
                    e.getMessage());
        } catch (CancelledException e) {
            events.ensureStarted();
            return turn(round, phase, events.model, events.text.toString(), Usage.NONE, events.startedAt(),
                    events.fallbacks, INTERRUPTED);
        }
    }

    private Turn turn(int round, Phase phase, String model, String text, Usage usage, Instant started,
                      List<FallbackNote> fallbacks, String error) {
        return new Turn(round, fighter.side(), phase, fighter.model(), model, text, usage, started, Instant.now(),
                fallbacks, error);
    }

    /** Adapts the chain's events to debate events for this turn; announces the turn when it first speaks. */
    private final class TurnEvents implements ChainListener {
        private final String debateId;
        private final int round;
        private final Phase phase;
        private final DebateListener listener;
        private final List<FallbackNote> fallbacks = new ArrayList<>();
        /** The text so far, for a turn that is interrupted (a completed turn's text comes from its Answer). */
        private final StringBuilder text = new StringBuilder();
        private String model = fighter.model();
        private Instant firstAttempt;
        private boolean started;

        TurnEvents(String debateId, int round, Phase phase, DebateListener listener) {
            this.debateId = debateId;
            this.round = round;
            this.phase = phase;
            this.listener = listener;
        }

        void ensureStarted() {
            if (!started) {
                started = true;
                listener.turnStarted(debateId, round, fighter.side(), phase, model, Instant.now());
            }
        }

        /** When the first request went out: rate-limit waits before it are not the turn's time. */
        Instant startedAt() {
            return firstAttempt != null ? firstAttempt : Instant.now();
        }

        @Override
        public void onAttempt(String attemptModel, boolean continuing) {
            model = attemptModel;
            if (firstAttempt == null) {
                firstAttempt = Instant.now();
            }
        }

        @Override
        public void onContent(String piece) {
            ensureStarted();
            text.append(piece);
            listener.delta(debateId, fighter.side(), piece);
        }

        @Override
        public void onRetry(ApiException failure, Duration delay, int retry, int maxRetries) {
            listener.retry(debateId, Speaker.of(fighter.side()), failure, delay, retry, maxRetries);
        }

        @Override
        public void onFallback(ApiException failure, String nextModel, boolean continuing) {
            FallbackNote note = new FallbackNote(failure.model(), nextModel, failure.getMessage(), continuing);
            fallbacks.add(note);
            listener.fallback(debateId, Speaker.of(fighter.side()), note);
        }

        @Override
        public void onWait(String waitModel, Duration wait, String reason) {
            listener.waiting(debateId, Speaker.of(fighter.side()), waitModel, wait, reason);
        }
    }
}
