package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/** {@code batch(linecount, fill_with=None)}: lists of {@code linecount} items, as a generator. */
public final class BatchFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return PyFilterCall.lazily("batch", value, args);
    }
}
