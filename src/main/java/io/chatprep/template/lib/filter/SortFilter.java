package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/** {@code sort(reverse=False, case_sensitive=False, attribute=None)}: stable, Python ordering, comma-separated attributes. */
public final class SortFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return PyFilterCall.apply("sort", value, args);
    }
}
