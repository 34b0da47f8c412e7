package dev.arena.catalog;

import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import dev.arena.openrouter.NetworkException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogClientTest {

    private FakeOpenRouter fake;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aListThatTricklesInIsCutAtTheTimeoutOfTheWholeAnswer() {
        // Headers at once, then a byte every 100 ms for ever: the request timeout alone, which
        // covers only the headers, would wait as long as the server likes.
        fake.modelsReply(Reply.tricklingModelList(100));
        CatalogClient client = new CatalogClient(URI.create(fake.baseUrl()), null, Duration.ofSeconds(1));
        NetworkException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(NetworkException.class, client::fetch));
        assertTrue(e.getMessage().contains("no whole answer within 1s"), e.getMessage());
    }

    @Test
    void aListThatArrivesInTimeIsRead() throws Exception {
        CatalogClient client = new CatalogClient(URI.create(fake.baseUrl()), null, Duration.ofSeconds(5));
        assertTrue(client.fetch().size() > 0);
        assertEquals(client.fetch().size(), client.fetch().size(), "the deadline of one fetch does not cut the next");
    }
}
