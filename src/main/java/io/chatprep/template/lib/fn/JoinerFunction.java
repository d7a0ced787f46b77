package io.chatprep.template.lib.fn;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.PyCallable;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;

/** Jinja2's {@code joiner(sep=', ')}: returns '' on its first call and the separator afterwards. */
public final class JoinerFunction implements PyCallable {
    @Override
    public Object call(CallArgs args, RenderContext ctx) {
        String sep = Values.str(args.get(0, "sep", ", "));
        boolean[] used = {false};
        return (PyCallable) (a, c) -> {
            if (!used[0]) {
                used[0] = true;
                return "";
            }
            return sep;
        };
    }

    @Override
    public String toString() {
        return "<class 'jinja2.utils.Joiner'>";
    }
}
