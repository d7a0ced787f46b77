package io.chatprep.template.lib.method;

import io.chatprep.template.py.PyMethods;
import io.chatprep.template.runtime.BoundMethod;

/**
 * The whitelist of Python methods a template may reach: those of str, dict, list and tuple that
 * {@link PyMethods} implements. Mutating methods resolve but raise SecurityError when called, as under
 * Jinja2's ImmutableSandboxedEnvironment; nothing else (no Java method) is ever reachable.
 */
public final class MethodLibrary {
    private MethodLibrary() {
    }

    /** The bound method, or null (Undefined) when the receiver has no such attribute. */
    public static Object lookup(Object receiver, String name) {
        if (!PyMethods.hasMethod(receiver, name)) {
            return null;
        }
        if (receiver instanceof String && name.equals("replace")) {
            // CPython before 3.13 (the reference runs 3.11) takes no keyword arguments in str.replace
            return new BoundMethod(receiver, name,
                    (r, a, c) -> PyMethods.call(r, name, a.noKeywords("str.replace").positional(), a.keywords()));
        }
        return new BoundMethod(receiver, name, (r, a, c) -> PyMethods.call(r, name, a.positional(), a.keywords()));
    }
}
