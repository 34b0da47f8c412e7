package dev.arena.transcript;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** How a transcript file is written: a Markdown document, one JSON document, or JSON Lines events. */
public enum TranscriptFormat {
    /** Appended as it happens, the same text stdout shows when it is a pipe. */
    MARKDOWN,
    /** One whole document, replaced atomically as the debate goes on. */
    JSON,
    /** One event per line, appended as it happens, the same events as {@code --json}. */
    JSONL;

    /** The format as a sentence names it: Markdown, JSON, JSON Lines. */
    String label() {
        return switch (this) {
            case MARKDOWN -> "Markdown";
            case JSON -> "JSON";
            case JSONL -> "JSON Lines";
        };
    }

    /** The format a file name implies ({@code .md}, {@code .markdown}, {@code .json}, {@code .jsonl}, {@code .ndjson}). */
    public static Optional<TranscriptFormat> fromFileName(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String file = name.toString().toLowerCase(Locale.ROOT);
        int dot = file.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return switch (file.substring(dot + 1)) {
            case "md", "markdown" -> Optional.of(MARKDOWN);
            case "json" -> Optional.of(JSON);
            case "jsonl", "ndjson" -> Optional.of(JSONL);
            default -> Optional.empty();
        };
    }

    /** Reads a {@code --format} value: {@code md}/{@code markdown}, {@code json}, {@code jsonl}/{@code ndjson}. */
    public static TranscriptFormat parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "md", "markdown" -> MARKDOWN;
            case "json" -> JSON;
            case "jsonl", "ndjson" -> JSONL;
            default -> throw new IllegalArgumentException(
                    "'" + text + "' is not a transcript format; use md, json or jsonl");
        };
    }

    /**
     * The format for {@code --out path}: {@code option} (a {@code --format} value) when given,
     * otherwise the file's extension; a name without a known extension needs {@code --format}, and
     * a known extension and a {@code --format} that disagree are refused.
     * An existing directory is refused first, whatever its name: {@code --out some/dir} would
     * otherwise be told to add an extension or {@code --format}, which cannot help.
     */
    public static TranscriptFormat forFile(Path path, String option) {
        if (path.toString().isEmpty()) {
            throw new IllegalArgumentException("the file name is empty; give a file such as debate.md");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + " is a directory; give a file in it, such as " + path.resolve("debate.md"));
        }
        Optional<TranscriptFormat> named = fromFileName(path);
        if (option != null) {
            TranscriptFormat chosen = parse(option);
            if (named.isPresent() && named.get() != chosen) {
                // t.md holding JSON would surprise whoever opens it: the two must agree.
                throw new IllegalArgumentException("'" + path.getFileName() + "' names a " + named.get().label()
                        + " file but --format says " + option.strip() + "; leave out --format, or give the file a name that agrees");
            }
            return chosen;
        }
        return named.orElseThrow(() -> new IllegalArgumentException(
                "cannot tell the transcript format from the name '" + path.getFileName()
                        + "'; end it in .md, .json or .jsonl, or add --format md|json|jsonl"));
    }
}
