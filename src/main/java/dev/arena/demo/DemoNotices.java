package dev.arena.demo;

import java.nio.file.Path;

/**
 * What {@code arena demo} says before and after its debate: that it is scripted, that nothing
 * it shows came from a real model, and how to run the real thing.
 */
public final class DemoNotices {

    private DemoNotices() {
    }

    /** Before the debate. */
    public static String start() {
        return "arena demo: a scripted debate (" + DemoScript.PRO + " vs " + DemoScript.CON + ", judged by "
                + DemoScript.JUDGE + ") against a stand-in server inside arena: no model, no key, no network.\n"
                + "One turn fails on purpose, to show a fallback at work.\n\n";
    }

    /**
     * After the debate: {@code transcript} when it was written whole and nothing has named it
     * yet, else null (the run says where its transcript is, whole or cut short, unless quiet).
     */
    public static String end(String topic, Path transcript) {
        return "\narena demo: that was scripted; every word came from arena itself, not from a model.\n"
                + (transcript == null ? "" : "The transcript is in " + transcript + "\n")
                + "To run a real debate, get a key at https://openrouter.ai/keys, then:\n"
                + "  export OPENROUTER_API_KEY=sk-or-...\n"
                + "  arena debate " + quoted(topic) + "\n";
    }

    /** The topic as a shell reads it back: in single quotes, a quote inside written as '\''. */
    static String quoted(String topic) {
        return "'" + topic.replace("'", "'\\''") + "'";
    }
}
