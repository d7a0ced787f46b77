package io.chatprep.template.runtime;

import io.chatprep.template.py.PyTyped;

/** Jinja2's {@code joiner(sep)}: returns '' on its first call and the separator afterwards. */
public final class Joiner implements PyCallable, PyTyped, Sandbox.Typed {
    private final String sep;
    private boolean used;

    public Joiner(String sep) {
        this.sep = sep;
    }

    @Override
    public Object call(CallArgs args, RenderContext ctx) {
        if (!used) {
            used = true;
            return "";
        }
        return sep;
    }

    /** Its Python attributes {@code sep} and {@code used}; anything else is Undefined. */
    public Object attribute(String name) {
        return switch (name) {
            case "sep" -> sep;
            case "used" -> used;
            default -> null;
        };
    }

    @Override
    public String pyTypeName() {
        return "Joiner";
    }

    @Override
    public String sandboxKind() {
        return "Joiner";
    }

    @Override
    public String toString() {
        return "<jinja2.utils.Joiner object>";
    }
}
