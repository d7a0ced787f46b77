package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/** {@code items}: (key, value) pairs of a mapping, as the generator Jinja2 yields. */
public final class ItemsFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return PyFilterCall.lazily("items", value, args);
    }
}
