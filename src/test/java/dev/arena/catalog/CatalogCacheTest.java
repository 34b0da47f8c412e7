package dev.arena.catalog;

import dev.arena.openrouter.NetworkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogCacheTest {

    private static final URI BASE = URI.create("https://openrouter.ai/api/v1");
    private static final Instant T0 = Instant.parse("2026-01-10T12:00:00Z");

    @TempDir
    Path dir;

    private final AtomicInteger fetches = new AtomicInteger();
    private volatile boolean offline;
    private List<ModelInfo> served = List.of(ModelInfo.ofId("a/one"), ModelInfo.ofId("b/two"));

    private final CatalogSource source = () -> {
        fetches.incrementAndGet();
        if (offline) {
            throw new NetworkException(CatalogClient.WHAT, "connection refused", new IOException("refused"));
        }
        return served;
    };

    private CatalogCache cacheAt(Instant now) {
        return new CatalogCache(dir, BASE, source, CatalogCache.DEFAULT_TTL, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void theFirstLoadFetchesAndCaches() throws Exception {
        Catalog c = cacheAt(T0).load(false);
        assertEquals(Catalog.Source.NETWORK, c.source());
        assertEquals(List.of("a/one", "b/two"), c.ids());
        assertTrue(c.notice().isEmpty());
        assertTrue(Files.isRegularFile(cacheAt(T0).file()));
        assertEquals(1, fetches.get());
    }

    @Test
    void aFreshCacheIsUsedWithoutFetching() throws Exception {
        cacheAt(T0).load(false);
        Catalog c = cacheAt(T0.plus(Duration.ofHours(23))).load(false);
        assertEquals(Catalog.Source.CACHE, c.source());
        assertEquals(T0, c.fetchedAt().orElseThrow());
        assertEquals(List.of("a/one", "b/two"), c.ids());
        assertEquals(1, fetches.get());
    }

    @Test
    void anExpiredCacheIsFetchedAgain() throws Exception {
        cacheAt(T0).load(false);
        served = List.of(ModelInfo.ofId("c/three"));
        Catalog c = cacheAt(T0.plus(Duration.ofHours(25))).load(false);
        assertEquals(Catalog.Source.NETWORK, c.source());
        assertEquals(List.of("c/three"), c.ids());
        assertEquals(List.of("c/three"), cacheAt(T0.plus(Duration.ofHours(26))).load(false).ids(), "the new list was cached");
        assertEquals(2, fetches.get());
    }

    @Test
    void refreshFetchesEvenWhenFresh() throws Exception {
        cacheAt(T0).load(false);
        Catalog c = cacheAt(T0.plusSeconds(60)).load(true);
        assertEquals(Catalog.Source.NETWORK, c.source());
        assertEquals(2, fetches.get());
    }

    @Test
    void offlineAStaleCacheIsUsedAndSaysHowOld() throws Exception {
        cacheAt(T0).load(false);
        offline = true;
        Catalog c = cacheAt(T0.plus(Duration.ofDays(3))).load(false);
        assertEquals(Catalog.Source.STALE_CACHE, c.source());
        assertEquals(List.of("a/one", "b/two"), c.ids());
        String notice = c.notice().orElseThrow();
        assertTrue(notice.contains("connection refused"), notice);
        assertTrue(notice.contains("cached list from 3 days ago"), notice);
    }

    @Test
    void offlineWithoutACacheTheBuiltInListSaysSo() throws Exception {
        offline = true;
        Catalog c = cacheAt(T0).load(false);
        assertEquals(Catalog.Source.BUILT_IN, c.source());
        assertEquals(BuiltInModels.MODELS, c.models());
        assertTrue(c.notice().orElseThrow().contains("built-in list"), c.notice().orElseThrow());
        assertFalse(Files.exists(cacheAt(T0).file()), "the built-in list is not cached");
    }

    @Test
    void offlineWithoutACacheAnotherServerHasNoListAndTheMessageKeepsItsPort() throws Exception {
        offline = true;
        URI local = URI.create("http://127.0.0.1:1/v1");
        CatalogCache cache = new CatalogCache(dir, local, source, CatalogCache.DEFAULT_TTL, Clock.fixed(T0, ZoneOffset.UTC));
        CatalogUnavailableException e = assertThrows(CatalogUnavailableException.class, () -> cache.load(false));
        assertTrue(e.getMessage().startsWith("could not fetch the model list from http://127.0.0.1:1/v1 (connection refused)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("built-in"), e.getMessage());
    }

    @Test
    void theWriteIsAtomicAndLeavesNoTemporaryFiles() throws Exception {
        cacheAt(T0).load(false);
        served = List.of(ModelInfo.ofId("c/three"));
        cacheAt(T0).load(true);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(cacheAt(T0).file()), files.toList());
        }
        String text = Files.readString(cacheAt(T0).file());
        assertTrue(text.contains("\"fetched_at\":\"2026-01-10T12:00:00Z\""), text);
    }

    @Test
    void aBrokenCacheIsNoCache() throws Exception {
        Files.writeString(cacheAt(T0).file(), "{not json");
        offline = true;
        assertEquals(Catalog.Source.BUILT_IN, cacheAt(T0).load(false).source());
        assertTrue(cacheAt(T0).cachedOnly().isEmpty());
    }

    @Test
    void aCacheFileLargerThanAModelListMayBeIsNoCache() throws Exception {
        Files.createDirectories(dir);
        try (var out = Files.newOutputStream(cacheAt(T0).file())) {
            out.write(("{\"fetched_at_ms\":" + T0.toEpochMilli() + ",\"data\":[{\"id\":\"a/one\",\"description\":\"")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] text = new byte[1024 * 1024];
            java.util.Arrays.fill(text, (byte) 'x');
            for (long written = 0; written <= ModelListLimits.MAX_BYTES; written += text.length) {
                out.write(text);
            }
            out.write("\"}]}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertTrue(cacheAt(T0).cachedOnly().isEmpty());
        assertEquals(Catalog.Source.NETWORK, cacheAt(T0).load(false).source(), "fetched and replaced");
        assertEquals(Catalog.Source.CACHE, cacheAt(T0).load(false).source());
    }

    @Test
    void eachBaseUrlHasItsOwnFile() throws Exception {
        assertNotEquals(CatalogCache.fileName(BASE), CatalogCache.fileName(URI.create("http://localhost:11434/v1")));
        assertEquals(CatalogCache.fileName(BASE), CatalogCache.fileName(URI.create(BASE + "/")));
        assertTrue(CatalogCache.fileName(BASE).matches("models-[0-9a-f]{16}\\.json"), CatalogCache.fileName(BASE));
    }

    @Test
    void theFileNameNeverDependsOnAPasswordInTheUrl() throws Exception {
        assertEquals(CatalogCache.fileName(URI.create("http://localhost:8000/v1")),
                CatalogCache.fileName(URI.create("http://user:secret@localhost:8000/v1")));
    }

    @Test
    void theTimeIsWrittenAsEpochMillisAndTheIsoTextOfOlderFilesStillReads() throws Exception {
        cacheAt(T0).load(false);
        String text = Files.readString(cacheAt(T0).file());
        assertTrue(text.contains("\"fetched_at_ms\":" + T0.toEpochMilli()), text);

        // A file written before fetched_at_ms existed: only the ISO text.
        Files.writeString(cacheAt(T0).file(), text.replace(",\"fetched_at_ms\":" + T0.toEpochMilli(), ""));
        offline = true;
        Catalog old = cacheAt(T0).load(false);
        assertEquals(Catalog.Source.CACHE, old.source());
        assertEquals(T0, old.fetchedAt().orElseThrow());
    }

    @Test
    void aPasswordInTheBaseUrlIsNotWritten() throws Exception {
        URI withPassword = URI.create("https://user:s3cret@example.com/v1");
        new CatalogCache(dir, withPassword, source, CatalogCache.DEFAULT_TTL, Clock.fixed(T0, ZoneOffset.UTC)).load(false);
        try (var files = Files.list(dir)) {
            String text = Files.readString(files.findFirst().orElseThrow());
            assertFalse(text.contains("s3cret"), text);
        }
    }

    @Test
    void cachedOnlyNeverFetches() throws Exception {
        assertTrue(CatalogCache.readCached(dir, BASE).isEmpty());
        cacheAt(T0).load(false);
        assertEquals(List.of("a/one", "b/two"), CatalogCache.readCached(dir, BASE).orElseThrow().ids());
        assertEquals(1, fetches.get());
    }

    @Test
    void anUnwritableCacheStillGivesTheList() throws Exception {
        Path file = dir.resolve("not-a-dir");
        Files.writeString(file, "x");
        Catalog c = new CatalogCache(file, BASE, source, CatalogCache.DEFAULT_TTL, Clock.fixed(T0, ZoneOffset.UTC)).load(false);
        assertEquals(List.of("a/one", "b/two"), c.ids());
        assertEquals("could not cache the model list in " + file + " (" + file
                + " is in the way: it exists and is not a directory)", c.notice().orElseThrow());
    }

}
