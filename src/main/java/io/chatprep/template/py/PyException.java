package io.chatprep.template.py;

/**
 * A Python exception raised while evaluating template data: {@link #pyType()} is Python's exception class
 * name (TypeError, ValueError, KeyError, IndexError, SecurityError, LimitError, UndefinedError, ...) and the
 * message is Python's own text, so errors read the same as under Jinja2.
 */
public class PyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String pyType;

    public PyException(String pyType, String message) {
        super(message);
        this.pyType = pyType;
    }

    public static PyException typeError(String message) {
        return new PyException("TypeError", message);
    }

    public static PyException valueError(String message) {
        return new PyException("ValueError", message);
    }

    public static PyException securityError(String attribute, Object receiver) {
        return new PyException("SecurityError",
                "access to attribute '" + attribute + "' of '" + PyTypes.typeName(receiver) + "' object is unsafe.");
    }

    /** Python's exception class name. */
    public String pyType() {
        return pyType;
    }

    @Override
    public String toString() {
        return pyType + ": " + getMessage();
    }
}
