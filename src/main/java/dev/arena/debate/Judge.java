package dev.arena.debate;

import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.openrouter.Message;
import dev.arena.openrouter.Usage;
import dev.arena.resilience.Answer;
import dev.arena.resilience.Answerer;
import dev.arena.resilience.ChainFailedException;
import dev.arena.resilience.RequestTag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Asks a third model who won. LLM judges favour whichever side they read first (or last),
 * so the judge is asked twice, with the sides presented in swapped order as the neutral
 * "Debater A" (presented first) and "Debater B"; a verdict stands only if both readings
 * agree, otherwise it is a tie. Scores are the means of both readings.
 */
public final class Judge {

    /** Enough for the JSON verdict and its short rationale; the debaters' own limit does not apply. */
    public static final int MAX_TOKENS = 800;

    public static final String SYSTEM_PROMPT = """
            You are the impartial judge of a formal debate between two debaters, Debater A and Debater B. \
            Judge only the arguments made in the transcript, not your own opinion of the topic. \
            The order in which the debaters appear is arbitrary and must not influence your verdict; \
            neither must the length of their turns.

            The debaters spoke in turns, round by round. Within each round the transcript lists Debater A \
            before Debater B: this is a fixed order for presentation and may differ from the order in which \
            they spoke, which is stated for each round. Before its turn, each debater had seen every turn of \
            the earlier rounds; the debater who spoke second in a round had also seen the other debater's turn \
            of that round, the one who spoke first had not. Do not fault the first speaker of a round for not \
            answering what was only said after it.

            Score each debater on each criterion with an integer from 1 (very poor) to 10 (excellent):
            - argument_strength: how sound, relevant and persuasive the debater's own arguments are.
            - rebuttal: how directly and effectively the debater answered the opponent's arguments.
            - evidence: how well the claims are supported by facts, examples, data or reasoning.
            - clarity: how clear, well organised and concise the debater's turns are.

            A turn marked as failed was cut short by a technical error: judge what was actually said.

            Answer with JSON only: no Markdown code fence, no text before or after it. Use exactly this shape:
            {"winner":"A"|"B"|"tie","scores":{"A":{"argument_strength":n,"rebuttal":n,"evidence":n,"clarity":n},\
            "B":{"argument_strength":n,"rebuttal":n,"evidence":n,"clarity":n}},"rationale":"two or three sentences"}
            where "winner" is "A", "B" or "tie", each n is an integer from 1 to 10, and "rationale" explains \
            the decision in two or three sentences, naming the debaters as Debater A and Debater B.""";

    private final Answerer answerer;
    private final List<String> models;

    /** @param models the judge model, then its fallbacks */
    public Judge(Answerer answerer, List<String> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a judge needs at least one model");
        }
        this.answerer = answerer;
        this.models = List.copyOf(models);
    }

    /**
     * Asks for a verdict twice, Pro presented first and then Con, and merges the two readings.
     * The judge's text is not shown (it is JSON); only its retries, fallbacks and waits reach
     * {@code listener}, as the "Judge".
     */
    public Verdict judge(DebateSettings settings, List<Turn> turns, DebateListener listener, Cancellation cancel,
                         String debateId)
            throws ChainFailedException, HttpStatusException, CancelledException {
        JudgeAnswer proFirst = read(settings, turns, Side.PRO, 1, listener, cancel, debateId);
        JudgeAnswer conFirst = read(settings, turns, Side.CON, 2, listener, cancel, debateId);
        return merge(proFirst, conFirst);
    }

    /**
     * One reading of the debate, with {@code presentedFirst} as Debater A, recorded as reading
     * {@code reading} (1 or 2) of the debate {@code debateId}. Only the judge's retries,
     * fallbacks and waits reach {@code listener}: its answer is JSON for arena to read.
     */
    public JudgeAnswer read(DebateSettings settings, List<Turn> turns, Side presentedFirst, int reading,
                            DebateListener listener, Cancellation cancel, String debateId)
            throws ChainFailedException, HttpStatusException, CancelledException {
        long start = System.nanoTime();
        Answer answer = answerer.answer(request(settings, turns, presentedFirst).withModel(models.get(0)), models,
                new JudgeNotices(listener, debateId), cancel, RequestTag.judge(debateId, reading));
        // The whole time counts, waits for rate limits included.
        return new JudgeAnswer(VerdictParser.parse(answer.text(), presentedFirst), answer.answeringModel(),
                answer.completion().usage(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The request for one reading: judging instructions as the system message, the topic and
     * the transcript as the user message, with {@code presentedFirst} as Debater A. The sides
     * are never called Pro or Con, only by their stance, so the labels cannot sway the judge.
     */
    static ChatRequest request(DebateSettings settings, List<Turn> turns, Side presentedFirst) {
        String model = settings.judgeModels().isEmpty() ? null : settings.judgeModels().get(0);
        return new ChatRequest(model, List.of(Message.system(SYSTEM_PROMPT),
                Message.user(transcript(settings, turns, presentedFirst))), 0.0, MAX_TOKENS, settings.seed());
    }

    private static String transcript(DebateSettings settings, List<Turn> turns, Side presentedFirst) {
        Side second = presentedFirst.opponent();
        StringBuilder text = new StringBuilder();
        text.append("Topic: ").append(settings.topic().strip()).append("\n\n");
        text.append("Debater A argued ").append(presentedFirst.stance()).append(" the topic; ");
        text.append("Debater B argued ").append(second.stance()).append(" it.\n\n");
        text.append("Transcript:\n");
        Map<Integer, List<Turn>> byRound = new TreeMap<>();
        for (Turn turn : turns) {
            byRound.computeIfAbsent(turn.round(), r -> new ArrayList<>()).add(turn);
        }
        for (Map.Entry<Integer, List<Turn>> round : byRound.entrySet()) {
            List<Turn> inRound = round.getValue();
            text.append("\n## Round ").append(round.getKey()).append(" (")
                    .append(inRound.get(0).phase().label()).append(")\n");
            // Turns arrive in the order they were spoken; say who spoke first, since the
            // listing below always puts Debater A first.
            if (inRound.stream().map(Turn::side).distinct().count() > 1) {
                text.append(inRound.get(0).side() == presentedFirst ? "Debater A" : "Debater B")
                        .append(" spoke first in this round.\n");
            }
            for (Side side : List.of(presentedFirst, second)) {
                for (Turn turn : inRound) {
                    if (turn.side() == side) {
                        text.append('\n').append(side == presentedFirst ? "Debater A" : "Debater B").append(":\n");
                        text.append(turnText(turn)).append('\n');
                    }
                }
            }
        }
        text.append("\nGive your verdict as JSON only, in the shape described.");
        return text.toString();
    }

    private static String turnText(Turn turn) {
        String said = turn.text() == null ? "" : turn.text().strip();
        if (!turn.failed()) {
            return said.isEmpty() ? "(no text)" : said;
        }
        String failure = "(this turn failed: " + turn.error() + ")";
        return said.isEmpty() ? failure : said + "\n" + failure;
    }

    /**
     * One verdict from both readings, Pro presented first and then Con: a winner only when both
     * were read and agree, scores averaged per side (or taken from the one reading that has
     * them). The judge is the model that answered the first reading; the usage and time are
     * both readings' together.
     */
    public static Verdict merge(JudgeAnswer proFirst, JudgeAnswer conFirst) {
        if (proFirst.reading().presentedFirst() != Side.PRO || conFirst.reading().presentedFirst() != Side.CON) {
            throw new IllegalArgumentException("the readings must be Pro first, then Con first");
        }
        Verdict merged = merge(proFirst.reading(), conFirst.reading(), proFirst.answeringModel());
        return new Verdict(merged.winner(), merged.scores(), merged.rationale(), merged.judgeModel(),
                merged.readingsAgree(), merged.readings(), Usage.sum(proFirst.usage(), conFirst.usage()),
                proFirst.elapsed().plus(conFirst.elapsed()));
    }

    private static Verdict merge(JudgeReading proFirst, JudgeReading conFirst, String judgeModel) {
        boolean agree = proFirst.parsed() && conFirst.parsed() && proFirst.winner() == conFirst.winner();
        Winner winner = agree ? proFirst.winner() : Winner.TIE;
        Map<Side, Scores> scores = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            Scores a = proFirst.scores().get(side);
            Scores b = conFirst.scores().get(side);
            if (a != null && b != null) {
                scores.put(side, a.average(b));
            } else if (a != null || b != null) {
                scores.put(side, a != null ? a : b);
            }
        }
        String rationale;
        if (proFirst.parsed() && conFirst.parsed() && !agree) {
            rationale = "With Pro first: " + proFirst.rationale() + "\n\nWith Con first: " + conFirst.rationale();
        } else if (proFirst.rationale().isBlank()) {
            rationale = conFirst.rationale(); // say something rather than nothing
        } else {
            rationale = proFirst.rationale();
        }
        return new Verdict(winner, scores, rationale, judgeModel, agree, List.of(proFirst, conFirst));
    }
}
