package io.chatprep.template.runtime;

/** A Python method looked up on a value ({@code s.strip}), called later with its arguments. */
public record BoundMethod(Object receiver, String name, MethodImpl impl) implements PyCallable, Sandbox.Typed {
    @FunctionalInterface
    public interface MethodImpl {
        Object invoke(Object receiver, CallArgs args, RenderContext ctx);
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
