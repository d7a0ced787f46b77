package io.chatprep.template.lib.filter;

import io.chatprep.template.lib.test.Test;
import io.chatprep.template.lib.test.TestLibrary;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.GeneratorValue;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code select} / {@code reject} / {@code selectattr} / {@code rejectattr}: keep the items a test accepts (or
 * refuses), optionally testing an attribute; no test means truthiness.
 */
public final class SelectFilter implements Filter {
    private final boolean keep;
    private final boolean byAttribute;

    public SelectFilter(boolean keep, boolean byAttribute) {
        this.keep = keep;
        this.byAttribute = byAttribute;
    }

    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        List<Object> pos = args.positional();
        int off = 0;
        Function<Object, Object> get = v -> v;
        if (byAttribute) {
            if (pos.isEmpty()) {
                throw TemplateRuntimeException.typeError("selectattr/rejectattr need an attribute name");
            }
            get = FilterSupport.attrGetter(pos.get(0), ctx, null);
            off = 1;
        }
        Test test = null;
        CallArgs testArgs = CallArgs.NONE;
        if (pos.size() > off) {
            String name = Values.str(pos.get(off));
            test = TestLibrary.get(name);
            if (test == null) {
                throw TemplateRuntimeException.typeError("No test named '" + name + "'.");
            }
            testArgs = new CallArgs(pos.subList(off + 1, pos.size()), args.keywords());
        }
        List<Object> out = new ArrayList<>();
        for (Object item : Values.iterate(value)) {
            Object v = get.apply(item);
            boolean r = test == null ? Values.truthy(v) : test.test(v, testArgs, ctx);
            if (r == keep) {
                out.add(item);
            }
        }
        return new GeneratorValue(out, "generator");
    }
}
