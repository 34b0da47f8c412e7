package dev.arena.output;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** On a pipe, Markdown and long lines reach stdout exactly as the model sent them: no styling, no wrapping. */
class PlainViewPipeTest {

    @Test
    void markdownOnAPipeIsUnchangedByteForByte() {
        String sent = "# Title\n\n- a **bold** item with a rather long line that a terminal would wrap at its edge\n"
                + "```java\nint *a* = 1;\n```\n> 漢字 `code`";
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PlainView view = new PlainView(new TextSink(stdout), new TextSink(new ByteArrayOutputStream()), true);
        for (int i = 0; i < sent.length(); i += 7) {
            view.onContent(sent.substring(i, Math.min(sent.length(), i + 7)));
        }
        view.onReadDone();
        assertEquals(sent, stdout.toString(StandardCharsets.UTF_8));
    }
}
