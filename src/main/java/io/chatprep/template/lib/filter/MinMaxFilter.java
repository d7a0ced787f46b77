package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/** {@code min} / {@code max(case_sensitive=False, attribute=None)}: Undefined for an empty sequence. */
public final class MinMaxFilter implements Filter {
    private final String name;

    public MinMaxFilter(String name) {
        this.name = name;
    }

    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return PyFilterCall.apply(name, value, args);
    }
}
