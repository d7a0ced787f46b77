package io.chatprep.template.runtime;

/** A Python method looked up on a value ({@code s.strip}), called later with its arguments. */
public record BoundMethod(Object receiver, String name, MethodImpl impl) implements PyCallable {
    @FunctionalInterface
    public interface MethodImpl {
        Object invoke(Object receiver, CallArgs args, RenderContext ctx);
    }

    @Override
    public Object call(CallArgs args, RenderContext ctx) {
        return impl.invoke(receiver, args, ctx);
    }

    @Override
    public String toString() {
        return "<built-in method " + name + ">";
    }
}
