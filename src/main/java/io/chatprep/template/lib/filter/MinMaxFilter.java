package io.chatprep.template.lib.filter;

import io.chatprep.template.py.PyNone;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** {@code min} / {@code max(case_sensitive=False, attribute=None)}; Undefined when empty. */
public final class MinMaxFilter implements Filter {
    private final boolean max;

    public MinMaxFilter(boolean max) {
        this.max = max;
    }

    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("min/max", 2, Set.of("case_sensitive", "attribute"));
        boolean caseSensitive = Values.truthy(args.get(0, "case_sensitive", false));
        Function<Object, Object> key = FilterSupport.attrGetter(args.get(1, "attribute", PyNone.NONE), ctx, null);
        List<Object> items = Values.iterate(value);
        if (items.isEmpty()) {
            return null;
        }
        Comparator<Object> order = FilterSupport.pythonOrder();
        Object best = items.get(0);
        for (Object item : items.subList(1, items.size())) {
            int c = order.compare(FilterSupport.lowerIfString(key.apply(item), caseSensitive),
                    FilterSupport.lowerIfString(key.apply(best), caseSensitive));
            if (max ? c > 0 : c < 0) {
                best = item;
            }
        }
        return best;
    }
}
