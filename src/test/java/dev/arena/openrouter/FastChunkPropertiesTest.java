package dev.arena.openrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The fast path's contract on generated chunks ({@link GeneratedChunks}): {@link FastChunk}
 * returns exactly the chunk the full parser makes of the same bytes, decoded as the SSE parser
 * decodes them, or null to let the full parser decide. {@link FastChunkDifferentialTest} holds
 * it on mutations of a few samples; this holds it on structured chunks, and when it fails
 * jqwik shrinks the chunk to a small one that still disagrees.
 *
 * <p>Checked to catch a planted bug: a fast path that took a non-null {@code finish_reason}
 * as null fails within a few hundred tries and shrinks to
 * {@code {"choices":[{"delta":{},"finish_reason":"stop"}]}}.
 */
class FastChunkPropertiesTest {

    private final ChunkDecoder decoder = new ChunkDecoder();

    @Provide
    Arbitrary<String> chunks() {
        return GeneratedChunks.chunks();
    }

    @Property
    void theFastPathGivesTheFullParsersChunkOrNull(@ForAll("chunks") String text) {
        byte[] bytes = GeneratedChunks.bytes(text);
        Chunk fast = FastChunkTest.fast(bytes);
        // Most chunks must take the fast path, or the property proves little about it.
        Statistics.label("path").collect(fast == null ? "full parser" : "fast");
        Statistics.label("path").coverage(c -> c.check("fast").percentage(p -> p >= 10));
        Statistics.label("path").coverage(c -> c.check("full parser").percentage(p -> p >= 25));
        if (fast != null) {
            assertEquals(decoder.parse(new String(bytes, StandardCharsets.UTF_8)), fast);
        }
    }
}
