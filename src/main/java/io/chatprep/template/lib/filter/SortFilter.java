package io.chatprep.template.lib.filter;

import io.chatprep.template.py.PyNone;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** {@code sort(reverse=False, case_sensitive=False, attribute=None)}: stable, Python ordering. */
public final class SortFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("sort", 3, Set.of("reverse", "case_sensitive", "attribute"));
        boolean reverse = Values.truthy(args.get(0, "reverse", false));
        boolean caseSensitive = Values.truthy(args.get(1, "case_sensitive", false));
        Function<Object, Object> key = FilterSupport.attrGetter(args.get(2, "attribute", PyNone.NONE), ctx, null);
        List<Object> items = new ArrayList<>(Values.iterate(value));
        Comparator<Object> order = FilterSupport.pythonOrder();
        Comparator<Object> cmp = (a, b) -> order.compare(FilterSupport.lowerIfString(key.apply(a), caseSensitive),
                FilterSupport.lowerIfString(key.apply(b), caseSensitive));
        items.sort(reverse ? cmp.reversed() : cmp);
        return Collections.unmodifiableList(items);
    }
}
