package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/** {@code dictsort(case_sensitive=False, by='key', reverse=False)}: sorted (key, value) pairs. */
public final class DictSortFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return PyFilterCall.apply("dictsort", value, args);
    }
}
