package dev.arena.repl;

import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Session files in both formats, and the pieces of the command line: parsing and completion. */
class SessionFormatTest {

    private static ChatSession sample() {
        ChatSession s = new ChatSession("m");
        s.setSystem("Be terse --> or else\\nsecond line");
        s.setFallbacks(List.of("f1", "f2"));
        s.setTemperature(0.5);
        s.add(ChatSession.Entry.user("## not a heading of ours\n\nwith a blank line"));
        s.add(ChatSession.Entry.assistant("An answer\n\n", "m-2025", false));
        s.add(ChatSession.Entry.user("more"));
        s.add(ChatSession.Entry.assistant("cut sho", "m", true));
        s.addUsage(new dev.arena.openrouter.Usage(10, 5, 0.25));
        return s;
    }

    private static void assertSame(ChatSession expected, ChatSession actual) {
        assertEquals(expected.model(), actual.model());
        assertEquals(expected.system(), actual.system());
        assertEquals(expected.fallbacks(), actual.fallbacks());
        assertEquals(expected.temperature(), actual.temperature());
        assertEquals(expected.cost(), actual.cost());
        assertEquals(expected.promptTokens(), actual.promptTokens());
    }

    @Test
    void jsonKeepsEverything() {
        ChatSession s = sample();
        ChatSession back = SessionFormat.fromJson(SessionFormat.toJson(s));
        assertSame(s, back);
        assertEquals(s.entries(), back.entries());
    }

    @Test
    void markdownReadsBackWhatItWrote() {
        ChatSession s = sample();
        String md = SessionFormat.toMarkdown(s);
        assertTrue(md.contains("*[answer cut]*"), md);
        assertFalse(md.contains("or else\\nsecond line -->"), "the settings comment cannot be ended early: " + md);
        ChatSession back = SessionFormat.fromMarkdown(md);
        assertSame(s, back);
        List<ChatSession.Entry> expected = new ArrayList<>(s.entries());
        expected.set(1, ChatSession.Entry.assistant("An answer", "m-2025", false)); // trailing blank lines go
        assertEquals(expected, back.entries());
    }

    @Test
    void fieldsAreWrittenInSnakeCaseInBothFormats() {
        ChatSession s = sample();
        s.setMaxTokens(300);
        for (String text : List.of(SessionFormat.toJson(s), SessionFormat.toMarkdown(s))) {
            assertTrue(text.contains("\"max_tokens\":") || text.contains("\"max_tokens\": "), text);
            assertTrue(text.contains("\"prompt_tokens\"") && text.contains("\"completion_tokens\""), text);
            assertFalse(text.contains("maxTokens") || text.contains("promptTokens") || text.contains("completionTokens"), text);
        }
        ChatSession back = SessionFormat.fromJson(SessionFormat.toJson(s));
        assertEquals(300, back.maxTokens());
        assertEquals(5, back.completionTokens());
        assertEquals(300, SessionFormat.fromMarkdown(SessionFormat.toMarkdown(s)).maxTokens());
    }

    @Test
    void sessionsSavedWithTheOldCamelCaseNamesStillLoad() {
        String json = """
                {"format": "arena-chat", "version": 1, "model": "m", "maxTokens": 250,
                 "usage": {"answers": 2, "promptTokens": 40, "completionTokens": 12, "cost": 0.5},
                 "messages": [{"role": "user", "content": "q"}]}
                """;
        ChatSession old = SessionFormat.fromJson(json);
        assertEquals(250, old.maxTokens());
        assertEquals(40, old.promptTokens());
        assertEquals(12, old.completionTokens());
        assertEquals(2, old.answers());
        String md = "# arena chat\n\n<!-- arena-chat {\"format\":\"arena-chat\",\"version\":1,\"model\":\"m\","
                + "\"maxTokens\":99,\"usage\":{\"promptTokens\":7,\"completionTokens\":3}} -->\n\n"
                + "<!-- arena:user -->\n## You\n\nq\n";
        ChatSession oldMd = SessionFormat.fromMarkdown(md);
        assertEquals(99, oldMd.maxTokens());
        assertEquals(7, oldMd.promptTokens());
        assertEquals(3, oldMd.completionTokens());
    }

    @Test
    void foreignFilesAreRefusedWithASentence() {
        assertThrows(IllegalArgumentException.class, () -> SessionFormat.fromJson("{\"messages\":[]}"));
        assertThrows(IllegalArgumentException.class, () -> SessionFormat.fromJson("not json"));
        assertThrows(IllegalArgumentException.class, () -> SessionFormat.fromMarkdown("# notes\n\nhello\n"));
    }

    @Test
    void commandsAreParsedFromLinesStartingWithOneSlash() {
        assertEquals(new SlashCommands.Command("/model", "a/b"), SlashCommands.parse("  /MODEL   a/b ").orElseThrow());
        assertEquals(new SlashCommands.Command("/clear", ""), SlashCommands.parse("/clear").orElseThrow());
        assertTrue(SlashCommands.parse("//etc").isEmpty());
        assertTrue(SlashCommands.parse("hello /model").isEmpty());
    }

    @Test
    void tabCompletesCommandsAndModels() {
        SlashCommands completer = new SlashCommands(() -> List.of("m1", "m2"));
        DefaultParser parser = new DefaultParser();
        List<Candidate> commands = new ArrayList<>();
        completer.complete(null, parser.parse("/mo", 3), commands);
        assertTrue(commands.stream().anyMatch(c -> c.value().equals("/model")), commands.toString());
        assertEquals(SlashCommands.ALL.size(), commands.size());
        List<Candidate> models = new ArrayList<>();
        completer.complete(null, parser.parse("/model m", 8), models);
        assertEquals(List.of("m1", "m2"), models.stream().map(Candidate::value).toList());
        List<Candidate> none = new ArrayList<>();
        completer.complete(null, parser.parse("hello", 5), none);
        assertTrue(none.isEmpty());
    }

    @Test
    void settingsAreChecked() {
        ChatSession s = new ChatSession("m");
        assertThrows(IllegalArgumentException.class, () -> s.setModel("two words"));
        assertThrows(IllegalArgumentException.class, () -> s.setTemperature(2.5));
        assertThrows(IllegalArgumentException.class, () -> s.setTemperature(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SessionStore.checkName("../etc"));
    }

    @Test
    void aNewerVersionIsRefusedInBothFormatsAndThisOneIsRead() {
        String json = SessionFormat.toJson(sample());
        assertTrue(json.contains("\"version\": 1,"), json);
        assertSame(sample(), SessionFormat.fromJson(json));
        assertSame(sample(), SessionFormat.fromJson(json.replace("\"version\": 1,", "")));
        String newer = "written by a newer arena (session format version 2; this one reads up to 1);"
                + " open it with that arena, or upgrade this one";
        assertEquals(newer, assertThrows(IllegalArgumentException.class,
                () -> SessionFormat.fromJson(json.replace("\"version\": 1,", "\"version\": 2,"))).getMessage());
        String md = SessionFormat.toMarkdown(sample());
        assertTrue(md.contains("\"version\":1,"), md);
        assertEquals(newer, assertThrows(IllegalArgumentException.class,
                () -> SessionFormat.fromMarkdown(md.replace("\"version\":1,", "\"version\":2,"))).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SessionFormat.fromJson(json.replace("\"version\": 1,", "\"version\": 1.5,")));
        assertEquals("not an arena chat session (its version is not a number)", assertThrows(IllegalArgumentException.class,
                () -> SessionFormat.fromJson(json.replace("\"version\": 1,", "\"version\": \"one\","))).getMessage());
    }
}
