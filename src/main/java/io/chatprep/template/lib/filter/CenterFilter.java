package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Text;
import io.chatprep.template.runtime.Values;
import java.util.Set;

/** {@code center(width=80)}. */
public final class CenterFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("center", 1, Set.of("width"));
        long width = ((Number) args.get(0, "width", 80L)).longValue();
        return Text.center(Values.str(value), width, " ", ctx);
    }
}
