package io.chatprep.template.runtime;

import java.util.HashMap;
import java.util.Map;

/**
 * One level of Jinja2 variable scoping (template, loop body, macro call, block body). Lookups fall through
 * to the parent, then to the render's variables and globals; assignments stay at this level.
 */
public final class Scope {
    private static final Object ABSENT = new Object();

    private final Scope parent;
    private final RenderContext ctx;
    private Map<String, Object> vars;

    private Scope(Scope parent, RenderContext ctx) {
        this.parent = parent;
        this.ctx = ctx;
    }

    public static Scope root(RenderContext ctx) {
        return new Scope(null, ctx);
    }

    public Scope child() {
        return new Scope(this, ctx);
    }

    public RenderContext ctx() {
        return ctx;
    }

    /** The variable's value, or Java null (Undefined) when nothing defines it. */
    public Object lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.vars != null) {
                Object v = s.vars.getOrDefault(name, ABSENT);
                if (v != ABSENT) {
                    return v;
                }
            }
        }
        return ctx.lookupGlobal(name);
    }

    public void set(String name, Object value) {
        if (vars == null) {
            vars = new HashMap<>(8);
        }
        vars.put(name, value);
    }
}
