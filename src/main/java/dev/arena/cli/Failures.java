package dev.arena.cli;

import dev.arena.openrouter.ClientSettings;
import dev.arena.openrouter.HttpStatusException;

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
}
