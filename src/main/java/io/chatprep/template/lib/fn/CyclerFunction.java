package io.chatprep.template.lib.fn;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.Cycler;
import io.chatprep.template.runtime.PyCallable;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.TemplateRuntimeException;
import java.util.List;

/** Jinja2's {@code cycler(*items)}. */
public final class CyclerFunction implements PyCallable {
    @Override
    public Object call(CallArgs args, RenderContext ctx) {
        List<Object> items = java.util.Collections.unmodifiableList(
                new java.util.ArrayList<>(args.noKeywords("cycler").positional()));
        if (items.isEmpty()) {
            throw TemplateRuntimeException.typeError("at least one item has to be provided");
        }
        return new Cycler(items);
    }

    @Override
    public String toString() {
        return "<class 'jinja2.utils.Cycler'>";
    }
}
