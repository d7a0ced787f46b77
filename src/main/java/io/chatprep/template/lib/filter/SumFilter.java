package io.chatprep.template.lib.filter;

import io.chatprep.template.py.PyNone;
import io.chatprep.template.py.PyOps;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;
import java.util.Set;
import java.util.function.Function;

/** {@code sum(attribute=None, start=0)}. */
public final class SumFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("sum", 2, Set.of("attribute", "start"));
        Function<Object, Object> get = FilterSupport.attrGetter(args.get(0, "attribute", PyNone.NONE), ctx, null);
        Object total = args.get(1, "start", 0L);
        for (Object item : Values.iterate(value)) {
            total = PyOps.add(total, get.apply(item));
        }
        return total;
    }
}
