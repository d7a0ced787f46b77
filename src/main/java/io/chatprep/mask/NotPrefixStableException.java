package io.chatprep.mask;

/** Assistant spans cannot be derived by prefix rendering for this conversation. */
public class NotPrefixStableException extends Exception {
    private final int message;

    public NotPrefixStableException(int message, String reason) {
        super("cannot derive the assistant mask by prefix rendering at message " + message + ": " + reason);
        this.message = message;
    }

    /** Index of the assistant message where derivation failed. */
    public int messageIndex() {
        return message;
    }
}
