package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/** {@code replace(old, new, count=None)}. */
public final class ReplaceFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return PyFilterCall.apply("replace", value, args);
    }
}
