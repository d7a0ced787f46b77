package io.chatprep.template.lib.fn;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.Joiner;
import io.chatprep.template.runtime.PyCallable;
import io.chatprep.template.runtime.Sandbox;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;

/** Jinja2's {@code joiner(sep=', ')}: returns '' on its first call and the separator afterwards. */
public final class JoinerFunction implements PyCallable, Sandbox.Typed {
    @Override
    public Object call(CallArgs args, RenderContext ctx) {
        return new Joiner(Values.str(args.get(0, "sep", ", ")));
    }

    @Override
    public String sandboxKind() {
        return "class:joiner";
    }

    @Override
    public String toString() {
        return "<class 'jinja2.utils.Joiner'>";
    }
}
