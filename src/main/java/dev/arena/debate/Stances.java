package dev.arena.debate;

import dev.arena.files.TextFiles;
import dev.arena.files.UnreadableTextException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a stance file: a {@code [pro]} section and a {@code [con]} section, each holding
 * the persona for that side's system prompt, for example:
 * <pre>
 * [pro]
 * You are an urban planner who has seen car-free centres thrive.
 * [con]
 * You are a rural commuter who depends on a car.
 * </pre>
 */
public final class Stances {

    /** Two personas are a few KiB; 1 MiB is far beyond that and keeps a wrong file (or /dev/zero) from filling memory. */
    public static final int LIMIT = 1024 * 1024;

    private Stances() {
    }

    /** A stance-file failure as a sentence: what is wrong with which file. */
    public static String describe(IOException e, Path file) {
        if (e instanceof NoSuchFileException) {
            return file + " does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return file + " cannot be read (permission denied)";
        }
        if (e instanceof UnreadableTextException) {
            return e.getMessage();
        }
        return file + ": " + e.getMessage();
    }

    public static Map<Side, String> read(Path file) throws IOException {
        Map<Side, StringBuilder> sections = new EnumMap<>(Side.class);
        StringBuilder current = null;
        int lineNumber = 0;
        for (String line : TextFiles.read(file, LIMIT, file.toString()).lines().toList()) {
            lineNumber++;
            String trimmed = line.strip().toLowerCase(Locale.ROOT);
            if (trimmed.equals("[pro]") || trimmed.equals("[con]")) {
                current = new StringBuilder();
                sections.put(trimmed.equals("[pro]") ? Side.PRO : Side.CON, current);
            } else if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                throw new IOException("line " + lineNumber + ": unknown section " + line.strip() + "; use [pro] and [con]");
            } else if (current != null) {
                current.append(line).append('\n');
            } else if (!trimmed.isEmpty()) {
                throw new IOException("line " + lineNumber + ": text before a [pro] or [con] section");
            }
        }
        Map<Side, String> stances = new EnumMap<>(Side.class);
        sections.forEach((side, text) -> {
            if (!text.toString().isBlank()) {
                stances.put(side, text.toString().strip());
            }
        });
        if (stances.isEmpty()) {
            throw new IOException("no [pro] or [con] section with text");
        }
        return stances;
    }
}
