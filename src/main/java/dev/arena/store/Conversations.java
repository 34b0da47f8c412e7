package dev.arena.store;

import java.time.Instant;

/** Rows of {@code conversations}: one for each chat conversation and each debate. */
public final class Conversations {

    /** Titles are for lists: the first line of the first prompt, at most this long. */
    static final int TITLE_LIMIT = 200;

    private Conversations() {
    }

    /** Records a new debate's conversation, titled by its motion; returns its id. The motion is redacted already. */
    static String startDebate(StoreWriter writer, String motion, Instant at) {
        String id = Ids.next(at);
        writer.submit(Row.of(RowStatement.CONVERSATION_STARTED, id, "debate", null, title(motion), null, null, "{}",
                StoreTime.format(at), StoreTime.format(at)));
        return id;
    }

    /**
     * The row of a chat conversation with its name (null for none) and settings, titled by
     * {@code title}'s first line; the texts are redacted already. A row, so that a short chat can
     * leave it in the journal.
     */
    static Row chatStarted(String id, String name, String title, ChatSettings settings, Instant createdAt,
                           Instant updatedAt) {
        return Row.of(RowStatement.CONVERSATION_STARTED, id, "chat", name, title(title), settings.model(),
                settings.system(), settings.json(), StoreTime.format(createdAt), StoreTime.format(updatedAt));
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
