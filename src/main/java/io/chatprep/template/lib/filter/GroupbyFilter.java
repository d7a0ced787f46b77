package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/** {@code groupby(attribute, default=None, case_sensitive=False)}: (grouper, items) tuples. */
public final class GroupbyFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return PyFilterCall.apply("groupby", value, args);
    }
}
