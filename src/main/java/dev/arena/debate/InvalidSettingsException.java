package dev.arena.debate;

/**
 * What the user wrote cannot make a debate. The message is the whole sentence the user is
 * shown, naming the option at fault; a command shows it as a usage error. It is checked so
 * that every command building settings decides how to show it.
 */
public final class InvalidSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidSettingsException(String sentence) {
        super(sentence);
    }
}
