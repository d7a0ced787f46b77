package io.chatprep.template.lib.filter;

import io.chatprep.template.py.PyNone;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Text;
import io.chatprep.template.runtime.Values;
import java.util.Set;

/** {@code replace(old, new, count=None)}. */
public final class ReplaceFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("replace", 3, Set.of("old", "new", "count"));
        Object count = args.get(2, "count", PyNone.NONE);
        return Text.replace(Values.str(value), Values.str(args.get(0, "old", "")),
                Values.str(args.get(1, "new", "")), count == PyNone.NONE ? -1 : ((Number) count).longValue(), ctx);
    }
}
