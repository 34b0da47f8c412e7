package dev.arena.catalog;

import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.arena.files.AtomicFile;
import dev.arena.files.Visibility;
import dev.arena.files.FileErrors;
import dev.arena.files.Fnv1a;
import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.ClientSettings;

import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of one base URL, cached on disk so that {@code arena models} answers at
 * once and works offline. One file per base URL under the XDG cache directory
 * ({@code $XDG_CACHE_HOME/arena/}, else {@code ~/.cache/arena/}), named after a hash of
 * the URL, holding the models in OpenRouter's shape and when they were fetched. Files are
 * replaced atomically, so a reader never sees half a file.
 */
public final class CatalogCache {

    public static final Duration DEFAULT_TTL = Duration.ofHours(24);

    private static final int FORMAT = 1;

    private final Path file;
    private final URI baseUrl;
    private final CatalogSource source;
    private final Duration ttl;
    private final Clock clock;

    public CatalogCache(Path directory, URI baseUrl, CatalogSource source, Duration ttl, Clock clock) {
        this.file = directory.resolve(fileName(baseUrl));
        this.baseUrl = baseUrl;
        this.source = source;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The cache file for this base URL. */
    public Path file() {
        return file;
    }

    /**
     * The catalogue: the cache while it is fresh (unless {@code refresh}), else the server's
     * list (then cached); when the server fails, the cache whatever its age, saying how old
     * it is; with no cache either, the built-in list, saying so, for OpenRouter only.
     *
     * @throws CatalogUnavailableException when another server fails and nothing is cached:
     *         OpenRouter's built-in models are not that server's
     */
    public Catalog load(boolean refresh) throws CatalogUnavailableException {
        Optional<Cached> cached = read();
        Instant now = clock.instant();
        // A fetch time in the future (a clock that was wrong) makes the cache old, not fresh for ever.
        Duration age = cached.map(c -> Duration.between(c.fetchedAt(), now)).orElse(null);
        if (!refresh && age != null && !age.isNegative() && age.compareTo(ttl) < 0) {
            return cached.get().catalog(Catalog.Source.CACHE, null);
        }
        ApiException failure;
        try {
            Catalog fresh = new Catalog(source.fetch(), Catalog.Source.NETWORK, now, null);
            String notice = write(fresh);
            return notice == null ? fresh : new Catalog(fresh.models(), fresh.source(), now, notice);
        } catch (ApiException e) {
            failure = e;
        }
        String why = "could not fetch the model list (" + failure.getMessage() + ")";
        if (cached.isPresent()) {
            return cached.get().catalog(Catalog.Source.STALE_CACHE,
                    why + "; using the cached list from " + Ages.format(age) + " ago");
        }
        if (!ClientSettings.isOpenRouter(baseUrl)) {
            // The message keeps the URL with its port: 127.0.0.1:1 and :11434 are different servers.
            throw new CatalogUnavailableException("could not fetch the model list from " + withoutUserInfo(baseUrl)
                    + " (" + failure.getMessage() + ") and there is no cached list; is the server running at that URL?");
        }
        return new Catalog(BuiltInModels.MODELS, Catalog.Source.BUILT_IN, null,
                why + " and there is no cached list; using arena's built-in list of "
                        + BuiltInModels.MODELS.size() + " common models (prices unknown)");
    }

    /** The cached catalogue of this base URL whatever its age, never going online; empty when there is none. */
    public static Optional<Catalog> readCached(Path directory, URI baseUrl) {
        return new CatalogCache(directory, baseUrl, () -> java.util.List.of(), DEFAULT_TTL, Clock.systemUTC()).cachedOnly();
    }

    /** The cached catalogue whatever its age, without going online; empty when there is none. */
    public Optional<Catalog> cachedOnly() {
        return read().map(c -> c.catalog(Catalog.Source.CACHE, null));
    }

    private record Cached(java.util.List<ModelInfo> models, Instant fetchedAt) {
        Catalog catalog(Catalog.Source source, String notice) {
            return new Catalog(models, source, fetchedAt, notice);
        }
    }

    /**
     * The cache file's content, or empty when it is missing, unreadable, not ours or past the
     * limits of a model list ({@link ModelListLimits}): read as a stream like the server's answer.
     */
    private Optional<Cached> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (JsonReader in = new JsonReader(new InputStreamReader(
                ModelListLimits.bounded(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            in.setStrictness(Strictness.LENIENT);
            Long millis = null;
            String iso = null;
            java.util.List<ModelInfo> models = null;
            in.beginObject();
            while (in.hasNext()) {
                String name = in.nextName();
                JsonToken value = in.peek();
                if (name.equals("fetched_at_ms") && value == JsonToken.NUMBER) {
                    millis = in.nextLong();
                } else if (name.equals("fetched_at") && value == JsonToken.STRING) {
                    iso = in.nextString();
                } else if (name.equals("data") && value == JsonToken.BEGIN_ARRAY) {
                    models = ModelJson.readArray(in);
                } else {
                    in.skipValue();
                }
            }
            Instant fetchedAt = fetchedAt(millis, iso);
            return fetchedAt == null || models == null ? Optional.empty() : Optional.of(new Cached(models, fetchedAt));
        } catch (IOException | DateTimeException | IllegalStateException | NumberFormatException e) {
            return Optional.empty(); // a broken cache is no cache: the next fetch replaces it
        }
    }

    /**
     * When the list was fetched: {@code fetched_at_ms} when the file has it, else the ISO text of
     * {@code fetched_at} (files of older versions). The number is read first because parsing ISO
     * text initialises the JDK's date formatters, about 8 ms of every start-up (measured).
     */
    private static Instant fetchedAt(Long millis, String iso) {
        if (millis != null) {
            return Instant.ofEpochMilli(millis);
        }
        return iso == null ? null : Instant.parse(iso);
    }

    /** Writes the cache atomically; returns a notice when it could not, null when it did. */
    private String write(Catalog catalog) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("base_url", withoutUserInfo(baseUrl));
        Instant fetchedAt = catalog.fetchedAt().orElseThrow();
        o.addProperty("fetched_at", fetchedAt.toString());
        o.addProperty("fetched_at_ms", fetchedAt.toEpochMilli());
        o.add("data", ModelJson.toJson(catalog.models()));
        try {
            Files.createDirectories(file.getParent());
            AtomicFile.write(file, o.toString(), Visibility.PRIVATE);
            return null;
        } catch (IOException e) {
            return "could not cache the model list in " + file.getParent() + " (" + FileErrors.reason(e) + ")";
        }
    }

    /** The cache file of a base URL: {@code models-} and a hash of the URL without its user info. */
    static String fileName(URI baseUrl) {
        String url = withoutUserInfo(baseUrl);
        if (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return "models-" + Fnv1a.hex(url) + ".json";
    }

    /** A password in the base URL must not end up in a file. */
    private static String withoutUserInfo(URI uri) {
        String userInfo = uri.getRawUserInfo();
        return userInfo == null ? uri.toString() : uri.toString().replace(userInfo + "@", "");
    }
}
