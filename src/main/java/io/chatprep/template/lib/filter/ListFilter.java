package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;
import java.util.ArrayList;
import java.util.Collections;

/** {@code list}. */
public final class ListFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return Collections.unmodifiableList(new ArrayList<>(Values.iterate(value)));
    }
}
