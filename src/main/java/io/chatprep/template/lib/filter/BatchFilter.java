package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.GeneratorValue;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** {@code batch(linecount, fill_with=None)}: lists of {@code linecount} items. */
public final class BatchFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("batch", 2, Set.of("linecount", "fill_with"));
        int size = ((Number) args.get(0, "linecount", 1L)).intValue();
        boolean fill = args.has(1, "fill_with");
        Object fillWith = args.get(1, "fill_with", null);
        List<Object> out = new ArrayList<>();
        List<Object> tmp = new ArrayList<>();
        for (Object item : Values.iterate(value)) {
            if (tmp.size() == size) {
                out.add(Collections.unmodifiableList(tmp));
                tmp = new ArrayList<>();
            }
            tmp.add(item);
        }
        if (!tmp.isEmpty()) {
            if (fill) {
                while (tmp.size() < size) {
                    tmp.add(fillWith);
                }
            }
            out.add(Collections.unmodifiableList(tmp));
        }
        return new GeneratorValue(out, "generator");
    }
}
