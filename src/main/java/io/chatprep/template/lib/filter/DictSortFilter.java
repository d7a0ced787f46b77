package io.chatprep.template.lib.filter;

import io.chatprep.template.py.PyTuple;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code dictsort(case_sensitive=False, by='key', reverse=False)}: sorted (key, value) tuples. */
public final class DictSortFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("dictsort", 3, Set.of("case_sensitive", "by", "reverse"));
        boolean caseSensitive = Values.truthy(args.get(0, "case_sensitive", false));
        String by = Values.str(args.get(1, "by", "key"));
        boolean reverse = Values.truthy(args.get(2, "reverse", false));
        if (!(value instanceof Map<?, ?> m)) {
            throw TemplateRuntimeException.typeError("dictsort expects a mapping, got '" + Values.typeName(value) + "'");
        }
        int pos = switch (by) {
            case "key" -> 0;
            case "value" -> 1;
            default -> throw TemplateRuntimeException.valueError("You can only sort by either 'key' or 'value'");
        };
        List<Object> items = new ArrayList<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            items.add(PyTuple.of(e.getKey(), e.getValue()));
        }
        Comparator<Object> order = FilterSupport.pythonOrder();
        Comparator<Object> cmp = (a, b) -> order.compare(
                FilterSupport.lowerIfString(((List<?>) a).get(pos), caseSensitive),
                FilterSupport.lowerIfString(((List<?>) b).get(pos), caseSensitive));
        items.sort(reverse ? cmp.reversed() : cmp);
        return Collections.unmodifiableList(items);
    }
}
