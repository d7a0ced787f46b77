package io.chatprep.template.lib.fn;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.Namespace;
import io.chatprep.template.runtime.PyCallable;
import io.chatprep.template.runtime.Sandbox;
import io.chatprep.template.runtime.RenderContext;
import java.util.Map;

/** {@code namespace(mapping?, **attrs)}: a fresh object whose attributes may be assigned across scopes. */
public final class NamespaceFunction implements PyCallable, Sandbox.Typed {
    @Override
    public Object call(CallArgs args, RenderContext ctx) {
        Namespace ns = new Namespace();
        for (Object p : args.positional()) {
            if (p instanceof Map<?, ?> m) {
                m.forEach((k, v) -> ns.set(String.valueOf(k), v));
            }
        }
        args.keywords().forEach(ns::set);
        return ns;
    }

    @Override
    public String sandboxKind() {
        return "class:namespace";
    }

    @Override
    public String toString() {
        return "<class 'jinja2.utils.Namespace'>";
    }
}
