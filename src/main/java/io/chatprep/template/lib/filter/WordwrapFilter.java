package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/** {@code wordwrap(width=79, break_long_words=True, wrapstring=None, break_on_hyphens=True)}. */
public final class WordwrapFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return PyFilterCall.apply("wordwrap", value, args);
    }
}
