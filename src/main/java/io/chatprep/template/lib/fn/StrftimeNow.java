package io.chatprep.template.lib.fn;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.PyCallable;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;

/** transformers' {@code strftime_now(format)}: the render's clock (pinned or real) in Python strftime codes. */
public final class StrftimeNow implements PyCallable {
    @Override
    public Object call(CallArgs args, RenderContext ctx) {
        return Strftime.format(ctx.now(), Values.str(args.get(0, "format", "")));
    }

    @Override
    public String toString() {
        return "<function strftime_now>";
    }
}
