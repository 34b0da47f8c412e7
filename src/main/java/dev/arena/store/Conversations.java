package dev.arena.store;

import java.time.Instant;

/** Rows of {@code conversations}: one for each chat conversation and each debate. */
public final class Conversations {

    /** Titles are for lists: the first line of the first prompt, at most this long. */
    static final int TITLE_LIMIT = 200;

    private Conversations() {
    }

    /** Records a new conversation, {@code kind} "chat" or "debate", titled by its first prompt or its motion; returns its id. */
    static String start(StoreWriter writer, String kind, String text, String model, String system, Instant at) {
        String id = Ids.next(at);
        String title = title(text);
        writer.submit(Row.of(RowStatement.CONVERSATION_STARTED, id, kind, title, model, system,
                StoreTime.format(at), StoreTime.format(at)));
        return id;
    }

    static String title(String text) {
        String line = text.strip();
        int end = line.indexOf('\n');
        if (end >= 0) {
            line = line.substring(0, end).strip();
        }
        if (line.length() > TITLE_LIMIT) {
            int cut = TITLE_LIMIT - 1;
            if (Character.isHighSurrogate(line.charAt(cut - 1))) {
                cut--;
            }
            line = line.substring(0, cut) + "…";
        }
        return line;
    }
}
