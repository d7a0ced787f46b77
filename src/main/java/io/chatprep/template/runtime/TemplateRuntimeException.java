package io.chatprep.template.runtime;

/** A failure while rendering, already classified; Python-level errors read "TypeError: ..." as in Jinja2. */
public final class TemplateRuntimeException extends EngineException {
    public TemplateRuntimeException(Kind kind, String message) {
        super(kind, message);
    }

    public static TemplateRuntimeException undefined(String message) {
        return new TemplateRuntimeException(Kind.RUNTIME, "UndefinedError: " + message);
    }

    public static TemplateRuntimeException typeError(String message) {
        return new TemplateRuntimeException(Kind.RUNTIME, "TypeError: " + message);
    }

    public static TemplateRuntimeException valueError(String message) {
        return new TemplateRuntimeException(Kind.RUNTIME, "ValueError: " + message);
    }

    public static TemplateRuntimeException security(String message) {
        return new TemplateRuntimeException(Kind.SECURITY, "SecurityError: " + message);
    }
}
