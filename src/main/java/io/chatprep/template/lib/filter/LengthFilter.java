package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;

/** {@code length} / {@code count}: Python {@code len}, in code points for strings. */
public final class LengthFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return Values.length(value);
    }
}
