package io.chatprep.template.runtime;

import io.chatprep.template.py.PyAccess;
import io.chatprep.template.py.PyMethod;

/**
 * The sandbox's attribute resolver. Only Python-level attributes exist: dict keys, namespace attributes, the
 * attributes of {@code loop}, cyclers, joiners and macros, and the whitelisted Python methods of str, dict and
 * list. No Java method is reachable; an attribute Jinja2's ImmutableSandboxedEnvironment refuses (see
 * {@link Sandbox}) is an {@link UnsafeUndefined}.
 */
public final class Attributes {
    private Attributes() {
    }

    /**
     * {@code obj.name}: the engine's own objects answer their attributes; everything else follows the value
     * layer (method first, then dict item, named-tuple field, number part), else Undefined (null).
     */
    public static Object getAttr(Object obj, String name, RenderContext ctx) {
        UnsafeUndefined refused = Sandbox.refused(obj, name);
        if (refused != null) {
            return refused;
        }
        if (obj instanceof UnsafeUndefined u) {
            throw u.error();
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
        if (obj instanceof Joiner joiner) {
            return joiner.attribute(name);
        }
        if (obj instanceof Macro macro) {
            return macro.attribute(name);
        }
        if (obj == null) {
            throw TemplateRuntimeException.undefined("'" + name + "' of an undefined value");
        }
        return callable(PyAccess.getattr(obj, name));
    }

    /** A method the value layer found, as a callable the engine can invoke; other values unchanged. */
    public static Object callable(Object value) {
        return value instanceof PyMethod m ? BoundMethod.lookup(m.self(), m.name()) : value;
    }
}
