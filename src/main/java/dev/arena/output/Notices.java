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
        return failure.model() + " failed (" + failure.getMessage() + "); "
                + (continuing ? nextModel + " continues the answer" : "falling back to " + nextModel);
    }

    public static String waiting(String model, Duration wait, String reason) {
        return "waiting " + Durations.format(wait) + " before asking " + model + ": " + reason;
    }

    /** {@code openai/gpt-4o-mini · 13 in, 16 out tokens · $0.000093 · 1.4s}. */
    public static String usage(Answer answer) {
        Usage usage = answer.completion().usage();
        String tokens = Usage.NONE.equals(usage)
                ? "tokens not reported"
                : usage.promptTokens() + " in, " + usage.completionTokens() + " out tokens";
        String cost = usage.cost() == null ? "cost not reported" : cost(usage.cost());
        return answer.answeringModel() + " · " + tokens + " · " + cost + " · " + Durations.format(answer.elapsed());
    }

    static String cost(double usd) {
        if (usd == 0) {
            return "$0";
        }
        return usd >= 0.01 ? String.format(Locale.ROOT, "$%.4f", usd) : String.format(Locale.ROOT, "$%.6f", usd);
    }
}
