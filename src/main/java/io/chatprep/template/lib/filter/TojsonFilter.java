package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/** transformers' {@code tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False)}. */
public final class TojsonFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return PyFilterCall.apply("tojson", value, args);
    }
}
