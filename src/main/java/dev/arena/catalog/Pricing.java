package dev.arena.catalog;

import java.math.BigDecimal;

/**
 * A model's prices in USD, as OpenRouter states them: per token for the prompt and the
 * completion, per request, per image. Each is null when unknown (a local server, the
 * built-in list, or a price the server marked as variable with a negative number).
 */
public record Pricing(BigDecimal prompt, BigDecimal completion, BigDecimal request, BigDecimal image) {

    public static final Pricing UNKNOWN = new Pricing(null, null, null, null);

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** True when prompt and completion prices are both known. */
    public boolean known() {
        return prompt != null && completion != null;
    }

    /** True when prompt and completion are both known to cost nothing. */
    public boolean free() {
        return known() && prompt.signum() == 0 && completion.signum() == 0;
    }

    /** The prompt price per million tokens, or null when unknown. */
    public BigDecimal promptPerMillion() {
        return perMillion(prompt);
    }

    /** The completion price per million tokens, or null when unknown. */
    public BigDecimal completionPerMillion() {
        return perMillion(completion);
    }

    private static BigDecimal perMillion(BigDecimal perToken) {
        return perToken == null ? null : perToken.multiply(MILLION).stripTrailingZeros();
    }
}
