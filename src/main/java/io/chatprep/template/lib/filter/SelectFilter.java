package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/**
 * {@code select} / {@code reject} / {@code selectattr} / {@code rejectattr}: the items a test accepts (or
 * refuses), optionally testing an attribute, as a generator.
 */
public final class SelectFilter implements Filter {
    private final String name;

    public SelectFilter(String name) {
        this.name = name;
    }

    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return PyFilterCall.lazily(name, value, args);
    }
}
