package io.chatprep.template.lib.filter;

import io.chatprep.template.py.PyNone;
import io.chatprep.template.py.PyOps;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.GeneratorValue;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** {@code unique(case_sensitive=False, attribute=None)}: first occurrence of each, as a generator. */
public final class UniqueFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("unique", 2, Set.of("case_sensitive", "attribute"));
        boolean caseSensitive = Values.truthy(args.get(0, "case_sensitive", false));
        Function<Object, Object> key = FilterSupport.attrGetter(args.get(1, "attribute", PyNone.NONE), ctx, null);
        List<Object> seen = new ArrayList<>();
        List<Object> out = new ArrayList<>();
        for (Object item : Values.iterate(value)) {
            Object k = FilterSupport.lowerIfString(key.apply(item), caseSensitive);
            boolean dup = false;
            for (Object s : seen) {
                if (PyOps.eq(s, k)) {
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                seen.add(k);
                out.add(item);
            }
        }
        return new GeneratorValue(out, "generator");
    }
}
