package io.chatprep.template.runtime;

/** A method of one of the engine's own objects ({@code loop.cycle}, {@code cycler.next}): a Python bound method. */
public record BoundCall(Object owner, String ownerType, String name, PyCallable body) implements PyCallable,
        Sandbox.Typed {
    @Override
    public Object call(CallArgs args, RenderContext ctx) {
        return body.call(args, ctx);
    }

    @Override
    public String sandboxKind() {
        return "method";
    }

    @Override
    public String toString() {
        return "<bound method " + ownerType + "." + name + " of " + owner + ">";
    }
}
