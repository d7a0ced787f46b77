package io.chatprep.template.runtime;

import io.chatprep.template.lib.method.MethodLibrary;
import io.chatprep.template.py.PyOps;
import io.chatprep.template.py.PyTuple;
import java.util.Map;

/**
 * The sandbox's attribute resolver. Only Python-level attributes exist: dict keys, namespace attributes,
 * {@code loop} fields and the whitelisted Python methods of str, dict and list. No Java method is reachable;
 * a method that would mutate its receiver raises as Jinja2's ImmutableSandboxedEnvironment does.
 */
public final class Attributes {
    private Attributes() {
    }

    /** {@code obj.name}: Python attribute first (methods), then item, else Undefined (null). */
    public static Object getAttr(Object obj, String name, RenderContext ctx) {
        if (obj instanceof Map<?, ?> m) {
            Object method = MethodLibrary.lookup(obj, name);
            if (method != null) {
                return method;
            }
            Object v = PyOps.lookup(m, name);
            return v;
        }
        if (obj instanceof Namespace ns) {
            return ns.get(name);
        }
        if (obj instanceof LoopState loop) {
            return loop.attribute(name, ctx);
        }
        if (obj instanceof Cycler cycler) {
            return cycler.attribute(name);
        }
        if (obj == null) {
            throw TemplateRuntimeException.undefined("'" + name + "' of an undefined value");
        }
        if (obj instanceof PyTuple t && t.hasField(name)) {
            return t.field(name);
        }
        return MethodLibrary.lookup(obj, name);
    }

    /** A method found by name when item lookup failed ({@code s['strip']}), else Undefined. */
    static Object methodOrNull(Object obj, String name) {
        return MethodLibrary.lookup(obj, name);
    }
}
