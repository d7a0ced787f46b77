package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.Attributes;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.BoundMethod;
import io.chatprep.template.runtime.Sandbox;
import io.chatprep.template.runtime.UnsafeUndefined;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;

/**
 * {@code attr(name)}: attribute lookup only, never the dict item. An attribute the sandbox refuses is an
 * {@link UnsafeUndefined}; the engine's own objects (namespace, loop, cycler, joiner, macro) answer their
 * attributes; for plain values the value layer decides which safe methods exist, and the method found is handed
 * out as a callable the engine can invoke.
 */
public final class AttrFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        if (args.get(0, "name", null) instanceof String name) {
            UnsafeUndefined refused = Sandbox.refused(value, name);
            if (refused != null) {
                return refused;
            }
        }
        if (value instanceof Sandbox.Typed && !(value instanceof BoundMethod)) {
            args.check("attr", 1, java.util.Set.of("name"));
            return Attributes.getAttr(value, Values.str(args.get(0, "name", "")), ctx);
        }
        return Attributes.callable(PyFilterCall.apply("attr", value, args));
    }
}
