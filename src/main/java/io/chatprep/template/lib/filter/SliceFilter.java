package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/** {@code slice(slices, fill_with=None)}: {@code slices} columns, as a generator. */
public final class SliceFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return PyFilterCall.lazily("slice", value, args);
    }
}
