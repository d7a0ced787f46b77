package io.chatprep.template.runtime;

/**
 * A template that does not compile or a render that fails, with what kind of failure it is; the message is meant for
 * the person who runs chatprep. The engine raises only these; {@code ChatTemplate} reports each as the public
 * {@code TemplateException} of the same kind.
 */
public class EngineException extends RuntimeException {
    /** What went wrong, so callers can tell a template's own {@code raise_exception} from a broken template. */
    public enum Kind { SYNTAX, RAISED, RUNTIME, SECURITY, LIMIT }

    private final Kind kind;

    public EngineException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public EngineException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
