package dev.arena.resilience;

/**
 * What a request belongs to, for the record: a chat conversation's turn, a fighter's turn in a
 * debate ({@code side} "pro" or "con", its round), or one of the judge's two readings.
 */
public record RequestTag(String conversationId, Purpose purpose, String side, Integer round, Integer reading) {

    public enum Purpose {
        CHAT, TURN, JUDGE;

        /** The name the store and its users see. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static RequestTag chat(String conversationId) {
        return new RequestTag(conversationId, Purpose.CHAT, null, null, null);
    }

    public static RequestTag turn(String debateId, String side, int round) {
        return new RequestTag(debateId, Purpose.TURN, side, round, null);
    }

    public static RequestTag judge(String debateId, int reading) {
        return new RequestTag(debateId, Purpose.JUDGE, null, null, reading);
    }
}
