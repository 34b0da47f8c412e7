package dev.arena.tournament;

import dev.arena.catalog.Catalog;
import dev.arena.catalog.Pricing;
import dev.arena.debate.Judge;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The most a debate may cost at the catalogue's prices, before it starts: every turn and
 * reading at its max tokens of answer, and text counted as one token per
 * {@link #CHARS_PER_TOKEN} characters (English prose runs at about four; three leaves room for
 * code and other languages). Over a chain, the dearest model counts, since any of them may
 * answer. Empty when some model has no known price.
 */
public final class CostBound {

    static final int CHARS_PER_TOKEN = 3;
    /** A fighter's system prompt and opening message, besides the motion: about 150 tokens, counted generously. */
    static final int FIGHTER_PROMPT_TOKENS = 300;
    /** What frames each earlier turn in a prompt ("Your opponent (Con), round 2, rebuttal:"). */
    static final int FRAMING_TOKENS = 30;
    /** A turn's bound when the settings name no max tokens: the server's own limit is unknown, so a generous one. */
    static final int DEFAULT_TURN_TOKENS = 4096;

    private final Catalog catalog;

    public CostBound(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The most one debate of {@code spec} may cost before it is run: each turn at its max tokens,
     * sent every turn before it (the fighter's prompt and the motion besides), and each reading of
     * each judge of its panel, sent the whole debate, at the judge's max tokens. Retries are not
     * counted: a failed attempt costs nothing unless it had begun to answer.
     */
    public Optional<Double> debate(TournamentSpec spec, Leg leg, List<String> panel, String motion) {
        int turnTokens = spec.maxTokens() == null ? DEFAULT_TURN_TOKENS : spec.maxTokens();
        long motionTokens = motion.length() / CHARS_PER_TOKEN + 1;
        double total = 0;
        for (int i = 0; i < 2 * spec.rounds(); i++) {
            String fighter = i % 2 == 0 ? leg.pro() : leg.con();
            long prompt = FIGHTER_PROMPT_TOKENS + 2 * motionTokens + (long) i * (turnTokens + FRAMING_TOKENS);
            Optional<Double> turn = tokens(chain(fighter, spec.fallbacks()), prompt, turnTokens);
            if (turn.isEmpty()) {
                return Optional.empty();
            }
            total += turn.get();
        }
        long judgePrompt = Judge.SYSTEM_PROMPT.length() / CHARS_PER_TOKEN + motionTokens
                + 2L * spec.rounds() * (turnTokens + FRAMING_TOKENS);
        for (String judge : panel) {
            Optional<Double> reading = tokens(List.of(judge), judgePrompt, Judge.MAX_TOKENS);
            if (reading.isEmpty()) {
                return Optional.empty();
            }
            total += 2 * reading.get();
        }
        return Optional.of(total);
    }

    /** A fighter's own model, then the shared fallbacks. */
    private static List<String> chain(String model, List<String> fallbacks) {
        List<String> chain = new java.util.ArrayList<>();
        chain.add(model);
        fallbacks.stream().filter(f -> !f.equals(model)).forEach(chain::add);
        return chain;
    }

    /** The dearest of {@code models} for this many tokens; empty when a price is unknown. */
    public Optional<Double> tokens(List<String> models, long promptTokens, long completionTokens) {
        BigDecimal most = BigDecimal.ZERO;
        for (String model : models) {
            Optional<Pricing> pricing = pricing(model);
            if (pricing.isEmpty()) {
                return Optional.empty();
            }
            Pricing p = pricing.get();
            BigDecimal cost = p.prompt().multiply(BigDecimal.valueOf(promptTokens))
                    .add(p.completion().multiply(BigDecimal.valueOf(completionTokens)));
            if (p.request() != null) {
                cost = cost.add(p.request());
            }
            most = most.max(cost);
        }
        return Optional.of(most.doubleValue());
    }

    /** The models of {@code models} whose price the catalogue does not know. */
    public List<String> unpriced(List<String> models) {
        return models.stream().filter(m -> pricing(m).isEmpty()).distinct().toList();
    }

    private Optional<Pricing> pricing(String model) {
        return catalog == null ? Optional.empty()
                : catalog.find(model).map(info -> info.pricing()).filter(Pricing::known);
    }
}
