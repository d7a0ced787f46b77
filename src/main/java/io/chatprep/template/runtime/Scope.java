package io.chatprep.template.runtime;

import com.hubspot.jinjava.interpret.Context;
import io.chatprep.template.tree.Frame;

import java.util.HashMap;
import java.util.Map;

/**
 * One level of Jinja2 variable scoping (template, loop body, macro call, block body): lookups fall through the
 * enclosing levels to the render's variables and the environment's globals, held by the render's root Jinjava
 * {@link Context}; assignments stay at this level. Levels below the root are plain maps made on their first
 * assignment: a Jinjava context per loop iteration built four libraries and several stacks nobody used.
 */
public final class Scope {
    /** A scope map cannot tell a missing name from an assigned Undefined, so the latter is stored as this marker. */
    private static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "Undefined";
        }
    };

    private final Scope parent;
    private final Context root;
    private final RenderContext ctx;
    private Map<String, Object> vars;

    private Scope(Scope parent, Context root, RenderContext ctx) {
        this.parent = parent;
        this.root = root;
        this.ctx = ctx;
    }

    /** The template's top-level scope over a render's root context. */
    public static Scope root(Context renderContext, RenderContext ctx) {
        return new Scope(null, renderContext, ctx);
    }

    public Scope child() {
        return new Scope(this, null, ctx);
    }

    /** A scope for a body that is one of Jinja2's frames: the names it owns from its start are Undefined. */
    public Scope enter(Frame frame) {
        Scope s = new Scope(this, null, ctx);
        s.bindUndefined(frame);
        return s;
    }

    /** Binds the names {@code frame} owns from its start to Undefined in this scope. */
    public void bindUndefined(Frame frame) {
        for (String name : frame.ownUndefined()) {
            set(name, null);
        }
    }

    public RenderContext ctx() {
        return ctx;
    }

    /** The variable's value, or Java null (Undefined) when nothing defines it. */
    public Object lookup(String name) {
        for (Scope s = this; ; s = s.parent) {
            if (s.vars != null) {
                Object v = s.vars.get(name);
                if (v != null) {
                    return v == UNDEFINED ? null : v;
                }
            }
            if (s.parent == null) {
                // The root context holds the render's variables and globals; assignments never reach it.
                return s.root.get(name);
            }
        }
    }

    public void set(String name, Object value) {
        if (vars == null) {
            vars = new HashMap<>();
        }
        vars.put(name, value == null ? UNDEFINED : value);
    }
}
