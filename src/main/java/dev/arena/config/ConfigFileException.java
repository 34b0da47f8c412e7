package dev.arena.config;

/** The config file cannot be used: unreadable, or a line arena does not understand. */
public final class ConfigFileException extends Exception {

    public ConfigFileException(String sentence) {
        super(sentence);
    }
}
