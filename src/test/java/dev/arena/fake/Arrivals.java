package dev.arena.fake;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * When each request reached the bench server, appended to a file as lines
 * {@code EPOCH_MILLIS MODEL}: the request rate a provider counts, which {@code bin/bench} checks
 * against arena's {@code --rate-limit}. arena's own store cannot tell it: it dates a request
 * from before its rate-limit wait, and a retry is a second request under the same row.
 */
public final class Arrivals {

    /** One request, by the wall clock (shared by the processes of one machine), for a model. */
    public record Arrival(long epochMillis, String model) {
    }

    /** Null when arrivals are not kept. */
    private final Writer out;

    private Arrivals(Writer out) {
        this.out = out;
    }

    /** Arrivals kept nowhere: the bench server run by hand. */
    public static Arrivals none() {
        return new Arrivals(null);
    }

    /** Arrivals appended to {@code file}, which is created if missing. */
    public static Arrivals appendingTo(Path file) throws IOException {
        return new Arrivals(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)));
    }

    /** {@code reply}, with each request it answers noted first. */
    Reply recording(Reply reply) {
        if (out == null) {
            return reply;
        }
        return new Reply() {
            @Override
            boolean serve(Exchange exchange) throws IOException {
                record(exchange.model());
                return reply.serve(exchange);
            }
        };
    }

    private synchronized void record(String model) throws IOException {
        // Flushed line by line: the reader runs in another process, at any moment.
        out.write(System.currentTimeMillis() + " " + model + "\n");
        out.flush();
    }

    /** The arrivals written to {@code file} from byte {@code offset} on (its size before a run). */
    public static List<Arrival> read(Path file, long offset) throws IOException {
        List<Arrival> arrivals = new ArrayList<>();
        try (SeekableByteChannel channel = Files.newByteChannel(file).position(offset);
             InputStream in = Channels.newInputStream(channel)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    arrivals.add(new Arrival(Long.parseLong(line.substring(0, space)), line.substring(space + 1)));
                }
            }
        }
        return arrivals;
    }
}
