package io.chatprep.template.runtime;

import io.chatprep.template.py.PyMethods;

/**
 * A Python method looked up on a value ({@code s.strip}), called later with its arguments. Only the methods of
 * str, dict, list and tuple that {@link PyMethods} implements exist: that is the sandbox's whitelist. Mutating
 * methods resolve but raise SecurityError when called, as under Jinja2's ImmutableSandboxedEnvironment; no Java
 * method is ever reachable.
 */
public record BoundMethod(Object receiver, String name, MethodImpl impl) implements PyCallable, Sandbox.Typed {
    @FunctionalInterface
    public interface MethodImpl {
        Object invoke(Object receiver, CallArgs args, RenderContext ctx);
    }

    /** The bound method, or null (Undefined) when the receiver has no such attribute. */
    public static BoundMethod lookup(Object receiver, String name) {
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

    @Override
    public Object call(CallArgs args, RenderContext ctx) {
        UnsafeUndefined cause = UnsafeUndefined.first(null, args);
        if (cause == null) {
            return impl.invoke(receiver, args, ctx);
        }
        return UnsafeUndefined.guard(cause, () -> impl.invoke(receiver, UnsafeUndefined.plain(args), ctx));
    }

    @Override
    public String sandboxKind() {
        return "builtin_function_or_method";
    }

    @Override
    public String toString() {
        return "<built-in method " + name + ">";
    }
}
