package dev.arena.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arena.openrouter.ParsePath;
import dev.arena.tournament.Leg;
import dev.arena.tournament.Schedule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's byte-exact check is only as good as its idea of the expected text: these check
 * that what the bench server streams, in both its per-event and its 64 KB bulk framing, decodes
 * through arena's parse path to exactly that text; and that the bench tournament is what bin/bench
 * counts on. (Speed is measured by bin/bench, never here.)
 */
class BenchWorkloadsTest {

    @TempDir
    Path dir;

    @Test
    void helloStreamsItsExpectedText() throws Exception {
        try (FakeOpenRouter fake = BenchWorkloads.serveAll(FakeOpenRouter.start())) {
            byte[] body = post(fake, BenchWorkloads.model("hello"));
            assertEquals(new String(BenchWorkloads.expectedContent("hello"), StandardCharsets.UTF_8),
                    ParsePath.content(body));
        }
    }

    @Test
    void aBulkFloodStreamsItsExpectedTextWithMultiByteCharacters() throws Exception {
        int chunks = 3_000; // about 880 KB: 14 HTTP chunks of 64 KB, cutting events and characters
        try (FakeOpenRouter fake = FakeOpenRouter.start().script("bench/test-flood", BenchWorkloads.flood(chunks))) {
            String text = ParsePath.content(post(fake, "bench/test-flood"));
            assertEquals(BenchWorkloads.floodText(chunks), text);
            assertTrue(text.contains("日本") && text.contains("😀") && text.contains("€"));
        }
    }

    @Test
    void theExpectedTextOfAFloodIsItsGeneratedPieces() {
        assertEquals(BenchWorkloads.floodText(200_000),
                new String(BenchWorkloads.expectedContent("flood-200k"), StandardCharsets.UTF_8));
        assertEquals(BenchWorkloads.floodText(50),
                new String(BenchWorkloads.expectedContent("paced"), StandardCharsets.UTF_8));
    }

    private static byte[] post(FakeOpenRouter fake, String model) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model
                        + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    @Test
    void aTournamentFighterSaysItsNameFirstAndEveryArrivalIsNotedFromTheOffsetOn() throws Exception {
        Path file = dir.resolve("arrivals.txt");
        Files.writeString(file, "1 an/earlier-run\n");
        long offset = Files.size(file);
        String fighter = BenchTournament.FIGHTERS.get(2);
        try (FakeOpenRouter fake = BenchTournament.serve(FakeOpenRouter.start(), Arrivals.appendingTo(file))) {
            String text = ParsePath.content(post(fake, fighter));
            assertEquals(BenchTournament.turnText(fighter), text);
            assertTrue(text.startsWith(RuleJudge.says(fighter)), text);
            post(fake, fighter);
        }
        List<Arrivals.Arrival> arrivals = Arrivals.read(file, offset);
        assertEquals(List.of(fighter, fighter), arrivals.stream().map(Arrivals.Arrival::model).toList());
        assertTrue(arrivals.get(0).epochMillis() <= arrivals.get(1).epochMillis());
    }

    @Test
    void arenasScheduleOfTheBenchTournamentHasTheDebatesAndTurnsTheBenchExpects() {
        List<Leg> debates = Schedule.of(BenchTournament.FIGHTERS, BenchTournament.MOTIONS, 1).debates();
        assertEquals(112, BenchTournament.debates());
        assertEquals(BenchTournament.debates(), debates.size());
        Map<String, Long> turns = debates.stream().flatMap(leg -> Stream.of(leg.pro(), leg.con()))
                .collect(Collectors.groupingBy(model -> model, Collectors.counting()));
        for (String fighter : BenchTournament.FIGHTERS) {
            assertEquals(BenchTournament.turnsPerFighter(), turns.get(fighter) * BenchTournament.ROUNDS, fighter);
        }
        assertEquals(16_800, BenchTournament.idealMillis(16), 1e-9, "112 debates of 6 turns of 400 ms over 16 slots");
    }
}
