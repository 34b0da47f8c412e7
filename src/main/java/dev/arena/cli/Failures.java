package dev.arena.cli;

import dev.arena.openrouter.ClientSettings;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.openrouter.MalformedResponseException;
import dev.arena.resilience.ChainFailedException;

/** Sentences for failures that are the user's to fix, shared by every command. */
final class Failures {

    private Failures() {
    }

    /** 401 and 402 are about the account; say what to fix rather than which model failed. */
    static String account(HttpStatusException e, ClientSettings settings) {
        String server = settings.isOpenRouter() ? "OpenRouter" : "the server";
        String detail = " (" + e.getMessage() + ")";
        if (e.status() == 402) {
            return server + " says the account is out of credits" + detail + (settings.isOpenRouter()
                    ? "; add credits at https://openrouter.ai/settings/credits or choose a :free model" : "");
        }
        return server + " refused the API key" + detail + "; check " + ApiKeys.ENV + " or the file given to --api-key-file";
    }

    /**
     * A 404 from every model, or a web page instead of a stream, usually means the base URL
     * lacks its {@code /v1} (or has a typo); say where arena sent the request.
     */
    static String baseUrlHint(ChainFailedException e, ClientSettings settings) {
        boolean wrongPlace = e.failures().stream().allMatch(f ->
                f instanceof HttpStatusException status && status.status() == 404 || f instanceof MalformedResponseException);
        return wrongPlace ? "; is the base URL right? arena posts to " + settings.baseUrl() + "/chat/completions" : "";
    }
}
