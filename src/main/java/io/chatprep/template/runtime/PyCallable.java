package io.chatprep.template.runtime;

/** Anything a template may call: globals, macros, bound Python methods, {@code caller}, {@code loop.cycle}. */
@FunctionalInterface
public interface PyCallable {
    Object call(CallArgs args, RenderContext ctx);
}
