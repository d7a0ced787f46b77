package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Set;

/** {@code list}. */
public final class ListFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("list", 0, Set.of());
        return Collections.unmodifiableList(new ArrayList<>(Values.iterate(value)));
    }
}
