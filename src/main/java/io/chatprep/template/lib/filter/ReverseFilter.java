package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.GeneratorValue;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** {@code reverse}: a reversed string, or Python's reverse iterator over a list or dict. */
public final class ReverseFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        if (value instanceof String s) {
            return new StringBuilder(s).reverse().toString();
        }
        List<Object> items = new ArrayList<>(Values.iterate(value));
        Collections.reverse(items);
        if (value instanceof List<?>) {
            return new GeneratorValue(items, "list_reverseiterator");
        }
        if (value instanceof Map<?, ?>) {
            return new GeneratorValue(items, "dict_reversekeyiterator");
        }
        return Collections.unmodifiableList(items);
    }
}
