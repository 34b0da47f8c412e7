package dev.arena.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's stand-in server, asked over HTTP as the client asks it. */
class DemoServerTest {

    private static final String TOPIC = "Tea is better than coffee";
    private static final Pattern CONTENT = Pattern.compile("\"content\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private DemoServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        server = DemoServer.start(new DemoScript(TOPIC), Duration.ZERO);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private HttpResponse<String> ask(String model, String lastMessage) throws Exception {
        String body = "{\"model\":\"" + model + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\""
                + lastMessage + "\"}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The text a stream carries, its content pieces joined (JSON escapes of quotes and newlines undone). */
    private static String text(String sse) {
        StringBuilder text = new StringBuilder();
        Matcher m = CONTENT.matcher(sse);
        while (m.find()) {
            text.append(m.group(1).replace("\\n", "\n").replace("\\\"", "\"").replace("\\u0027", "'"));
        }
        return text.toString();
    }

    @Test
    void proAnswersItsOpeningWordByWordThenFailsEveryRequestAfterIt() throws Exception {
        HttpResponse<String> opening = ask(DemoScript.PRO, "Open.");
        assertEquals(200, opening.statusCode());
        assertTrue(opening.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertEquals(new DemoScript(TOPIC).proOpening(), text(opening.body()));
        assertTrue(opening.body().split("\n\n").length > 20, "streamed in many events: " + opening.body());
        assertTrue(opening.body().contains("\"finish_reason\":\"stop\"") && opening.body().contains("\"cost\":0")
                && opening.body().endsWith("data: [DONE]\n\n"), opening.body());

        for (int attempt = 0; attempt < 3; attempt++) { // the turn and its retries
            HttpResponse<String> closing = ask(DemoScript.PRO, "Close.");
            assertEquals(DemoServer.FAILURE_STATUS, closing.statusCode());
            assertTrue(closing.body().contains("scripted to fail"), closing.body());
        }
        HttpResponse<String> backup = ask(DemoScript.PRO_BACKUP, "Close.");
        assertEquals(200, backup.statusCode());
        assertTrue(text(backup.body()).contains("support the motion: " + TOPIC), backup.body());
    }

    @Test
    void conSpeaksItsTurnsInOrderAboutTheTopic() throws Exception {
        String opening = text(ask(DemoScript.CON, "x").body());
        String closing = text(ask(DemoScript.CON, "x").body());
        assertTrue(opening.contains("against the motion: **" + TOPIC + "**"), opening);
        assertTrue(closing.contains("the motion, " + TOPIC + ", should be rejected"), closing);
    }

    @Test
    void theJudgeNamesTheSameSideWhicheverSideItReadsFirst() throws Exception {
        String proFirst = text(ask(DemoScript.JUDGE, "Debater A argued for the topic; Debater B argued against it.").body());
        String conFirst = text(ask(DemoScript.JUDGE, "Debater A argued against the topic; Debater B argued for it.").body());
        String first = proFirst.substring(0, proFirst.indexOf(',')); // {"winner":"A"
        String second = conFirst.substring(0, conFirst.indexOf(','));
        assertNotEquals(first, second, "the same side wins, so the letter swaps: " + proFirst + " / " + conFirst);
        assertTrue(proFirst.contains("scripted verdict"), proFirst);
    }

    @Test
    void aRequestThatIsNotAChatRequestIsRefusedAndTheServerGoesOn() throws Exception {
        HttpRequest nonsense = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("not json")).build();
        assertEquals(400, http.send(nonsense, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, ask(DemoScript.CON, "x").statusCode());
    }

    @Test
    void anUnknownModelOrPathIsNotFound() throws Exception {
        assertEquals(404, ask("openai/gpt-4o", "x").statusCode());
        HttpResponse<String> models = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, models.statusCode());
    }
}
