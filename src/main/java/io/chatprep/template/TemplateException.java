package io.chatprep.template;

/** Any failure to compile or render a template; the message is meant for the person who runs chatprep. */
public class TemplateException extends RuntimeException {
    /** What went wrong, so callers can tell a template's own {@code raise_exception} from a broken template. */
    public enum Kind { SYNTAX, RAISED, RUNTIME, SECURITY, LIMIT }

    private final Kind kind;

    public TemplateException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public TemplateException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
