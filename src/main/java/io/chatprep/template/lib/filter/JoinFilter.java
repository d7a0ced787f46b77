package io.chatprep.template.lib.filter;

import io.chatprep.template.py.PyNone;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;
import java.util.Set;
import java.util.function.Function;

/** {@code join(d='', attribute=None)}. */
public final class JoinFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("join", 2, Set.of("d", "attribute"));
        String sep = Values.str(args.get(0, "d", ""));
        Function<Object, Object> get = FilterSupport.attrGetter(args.get(1, "attribute", PyNone.NONE), ctx, null);
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Object item : Values.iterate(value)) {
            if (!first) {
                sb.append(sep);
            }
            first = false;
            sb.append(Values.str(get.apply(item)));
            ctx.checkStringSize(sb.length());
        }
        return sb.toString();
    }
}
