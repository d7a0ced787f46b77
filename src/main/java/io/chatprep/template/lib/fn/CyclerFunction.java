package io.chatprep.template.lib.fn;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.Cycler;
import io.chatprep.template.runtime.PyCallable;
import io.chatprep.template.runtime.Sandbox;
import io.chatprep.template.runtime.UnsafeUndefined;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.TemplateRuntimeException;
import java.util.List;

/** Jinja2's {@code cycler(*items)}. */
public final class CyclerFunction implements PyCallable, Sandbox.Typed {
    @Override
    public Object call(CallArgs args, RenderContext ctx) {
        List<Object> items = java.util.Collections.unmodifiableList(
                UnsafeUndefined.plain(args.noKeywords("cycler").positional()));
        if (items.isEmpty()) {
            throw TemplateRuntimeException.typeError("at least one item has to be provided");
        }
        return new Cycler(items);
    }

    @Override
    public String sandboxKind() {
        return "class:cycler";
    }

    @Override
    public String toString() {
        return "<class 'jinja2.utils.Cycler'>";
    }
}
