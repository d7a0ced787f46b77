package io.chatprep.template.lib.filter;

import io.chatprep.template.py.PyTuple;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.GeneratorValue;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.TemplateRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code items}: (key, value) pairs of a mapping, lazily as Jinja2 yields them. */
public final class ItemsFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("items", 0, Set.of());
        List<Object> pairs = new ArrayList<>();
        if (value == null) {
            return new GeneratorValue(pairs, "generator");
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw TemplateRuntimeException.typeError("Can only get item pairs from a mapping.");
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            pairs.add(PyTuple.of(e.getKey(), e.getValue()));
        }
        return new GeneratorValue(pairs, "generator");
    }
}
