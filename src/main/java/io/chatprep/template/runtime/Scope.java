package io.chatprep.template.runtime;

import com.hubspot.jinjava.interpret.Context;

/**
 * One level of Jinja2 variable scoping (template, loop body, macro call, block body), kept in a Jinjava
 * {@link Context}: lookups fall through the parent contexts to the render's variables and the environment's
 * globals; assignments stay at this level.
 */
public final class Scope {
    /** Jinjava's scope maps drop null values, so an assigned Undefined is stored as this marker. */
    private static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "Undefined";
        }
    };

    private final Context context;
    private final RenderContext ctx;

    private Scope(Context context, RenderContext ctx) {
        this.context = context;
        this.ctx = ctx;
    }

    /** The template's top-level scope over a render's root context. */
    public static Scope root(Context renderContext, RenderContext ctx) {
        return new Scope(renderContext, ctx);
    }

    public Scope child() {
        return new Scope(new Context(context), ctx);
    }

    public RenderContext ctx() {
        return ctx;
    }

    public Context context() {
        return context;
    }

    /** The variable's value, or Java null (Undefined) when nothing defines it. */
    public Object lookup(String name) {
        Object v = context.get(name);
        return v == UNDEFINED ? null : v;
    }

    public void set(String name, Object value) {
        context.put(name, value == null ? UNDEFINED : value);
    }
}
