package dev.arena.resilience;

import dev.arena.openrouter.ApiException;

import java.util.List;

/** Every model of the chain failed. The partial answer, if any, was already shown and is kept here. */
public final class ChainFailedException extends Exception {

    private final List<ApiException> failures;
    private final String partialAnswer;

    public ChainFailedException(List<ApiException> failures, String partialAnswer) {
        super(summary(failures), failures.get(failures.size() - 1));
        this.failures = List.copyOf(failures);
        this.partialAnswer = partialAnswer;
    }

    public List<ApiException> failures() {
        return failures;
    }

    public String partialAnswer() {
        return partialAnswer;
    }

    public ApiException lastFailure() {
        return failures.get(failures.size() - 1);
    }

    private static String summary(List<ApiException> failures) {
        ApiException last = failures.get(failures.size() - 1);
        long models = failures.stream().map(ApiException::model).distinct().count();
        String who = models == 1 ? last.model() : "all " + models + " models (last: " + last.model() + ")";
        return who + " failed: " + last.getMessage();
    }
}
