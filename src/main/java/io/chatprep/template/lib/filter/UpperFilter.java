package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Text;
import io.chatprep.template.runtime.Values;
import java.util.Set;

/** {@code upper}. */
public final class UpperFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("upper", 0, Set.of());
        return Text.upper(Values.str(value));
    }
}
