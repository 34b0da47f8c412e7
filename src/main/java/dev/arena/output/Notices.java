package dev.arena.output;

import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.Durations;
import dev.arena.openrouter.Usage;
import dev.arena.resilience.Answer;

import java.time.Duration;
import java.util.Locale;

/** The sentences arena shows about a stream, shared by every view so they read the same everywhere. */
public final class Notices {

    private Notices() {
    }

    public static String retry(ApiException failure, Duration delay, int retry, int maxRetries) {
        return failure.model() + " failed (" + failure.getMessage() + "); retry " + retry + "/" + maxRetries
                + " in " + Durations.format(delay);
    }

    public static String fallback(ApiException failure, String nextModel, boolean continuing) {
        return fallback(failure.model(), failure.getMessage(), nextModel, continuing);
    }

    public static String fallback(String failedModel, String reason, String nextModel, boolean continuing) {
        return failedModel + " failed (" + reason + "); "
                + (continuing ? nextModel + " continues the answer" : "falling back to " + nextModel);
    }

    public static String waiting(String model, Duration wait, String reason) {
        return "waiting " + Durations.format(wait) + " before asking " + model + ": " + reason;
    }

    /**
     * {@code openai/gpt-4o-mini · 13 in, 16 out tokens · $0.000093 · 1.4s}; a cost arena
     * computed from the catalogue's prices reads {@code ~$0.000120 (estimated)}.
     */
    public static String usage(Answer answer) {
        return usage(answer.answeringModel(), answer.completion().usage(), answer.elapsed());
    }

    /** The same line for any answer: chat, a debate turn, a transcript. */
    public static String usage(String model, Usage usage, Duration elapsed) {
        if (usage != null && usage.invalid()) {
            return model + " · usage " + INVALID + " · " + Durations.format(elapsed);
        }
        String tokens = usage == null || usage.isNone()
                ? "tokens not reported"
                : usage.promptTokens() + " in, " + usage.completionTokens() + " out tokens";
        String cost = usage == null || usage.cost() == null ? "cost " + UNKNOWN_COST
                : cost(usage.cost(), usage.costEstimated());
        return model + " · " + tokens + " · " + cost + " · " + Durations.format(elapsed);
    }

    /**
     * How every view and transcript shows numbers a server sent that cannot be right
     * ({@link Usage#invalid()}): one word, never the number.
     */
    public static final String INVALID = "invalid";

    /** How every view and transcript shows a cost nobody reported or could compute: one word everywhere. */
    public static final String UNKNOWN_COST = "unknown";

    /** {@link #cost(double, boolean)}, or {@link #UNKNOWN_COST} when there is no cost. */
    public static String costOrUnknown(Double usd, boolean estimated) {
        return usd == null ? UNKNOWN_COST : cost(usd, estimated);
    }

    /** A cost as {@link #cost(double)} writes it, marked {@code ~$0.000120 (estimated)} when arena computed it. */
    public static String cost(double usd, boolean estimated) {
        return estimated ? "~" + cost(usd) + " (estimated)" : cost(usd);
    }

    /** {@code $0}, {@code $0.000093} below a cent, {@code $0.0123} from a cent on. */
    public static String cost(double usd) {
        if (usd == 0) {
            return "$0";
        }
        return usd >= 0.01 ? String.format(Locale.ROOT, "$%.4f", usd) : String.format(Locale.ROOT, "$%.6f", usd);
    }
}
