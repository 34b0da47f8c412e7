package dev.arena.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TranscriptFormatTest {

    @ParameterizedTest
    @CsvSource({
        "debate.md, MARKDOWN",
        "out/Debate.MD, MARKDOWN",
        "notes.markdown, MARKDOWN",
        "debate.json, JSON",
        "/tmp/x/DEBATE.Json, JSON",
        "events.jsonl, JSONL",
        "events.ndjson, JSONL",
        "my.debate.v2.jsonl, JSONL",
    })
    void formatFromFileName(String name, TranscriptFormat expected) {
        assertEquals(Optional.of(expected), TranscriptFormat.fromFileName(Path.of(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"debate.txt", "debate", "debate.", ".md.bak", "json", "dir.md/file"})
    void unknownNamesHaveNoFormat(String name) {
        assertEquals(Optional.empty(), TranscriptFormat.fromFileName(Path.of(name)));
    }

    @ParameterizedTest
    @CsvSource({
        "md, MARKDOWN",
        "Markdown, MARKDOWN",
        "json, JSON",
        "JSONL, JSONL",
        "' jsonl ', JSONL",
        "ndjson, JSONL",
    })
    void parseFormatOption(String text, TranscriptFormat expected) {
        assertEquals(expected, TranscriptFormat.parse(text));
    }

    @Test
    void unknownFormatSaysWhatWorks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TranscriptFormat.parse("yaml"));
        assertEquals("'yaml' is not a transcript format; use md, json or jsonl", e.getMessage());
    }

    @Test
    void theOptionAndAKnownExtensionMustAgree() {
        assertEquals(TranscriptFormat.JSON, TranscriptFormat.forFile(Path.of("debate.json"), null));
        assertEquals(TranscriptFormat.JSON, TranscriptFormat.forFile(Path.of("debate.json"), "json"));
        assertEquals(TranscriptFormat.JSONL, TranscriptFormat.forFile(Path.of("debate.log"), "jsonl"), "the option says what the name does not");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TranscriptFormat.forFile(Path.of("out/t.md"), "json"));
        assertEquals("'t.md' names a Markdown file but --format says json; leave out --format, or give the file a name"
                + " that agrees", e.getMessage());
    }

    @Test
    void nameWithoutAKnownExtensionNeedsTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TranscriptFormat.forFile(Path.of("out/debate.txt"), null));
        assertTrue(e.getMessage().contains("'debate.txt'"), e.getMessage());
        assertTrue(e.getMessage().contains("--format md|json|jsonl"), e.getMessage());
    }

    @Test
    void anExistingDirectoryIsSaidToBeOneWhateverItsName(@TempDir Path dir) throws Exception {
        Path plain = Files.createDirectory(dir.resolve("out"));
        Path named = Files.createDirectory(dir.resolve("taken.md"));
        for (Path path : List.of(plain, named)) {
            for (String option : java.util.Arrays.asList(null, "md")) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> TranscriptFormat.forFile(path, option));
                assertEquals(path + " is a directory; give a file in it, such as " + path.resolve("debate.md"), e.getMessage());
            }
        }
    }

    @Test
    void anEmptyNameIsSaidToBeEmpty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TranscriptFormat.forFile(Path.of(""), null));
        assertEquals("the file name is empty; give a file such as debate.md", e.getMessage());
    }
}
