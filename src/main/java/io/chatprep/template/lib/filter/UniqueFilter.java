package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/** {@code unique(case_sensitive=False, attribute=None)}: first occurrence of each, as a generator. */
public final class UniqueFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return PyFilterCall.lazily("unique", value, args);
    }
}
