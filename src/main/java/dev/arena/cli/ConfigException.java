package dev.arena.cli;

/** The user's setup is wrong (no key, unreadable key file): exit code {@link ExitCode#CONFIG}. */
final class ConfigException extends Exception {

    ConfigException(String sentence) {
        super(sentence);
    }
}
