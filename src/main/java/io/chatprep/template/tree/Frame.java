package io.chatprep.template.tree;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One of Jinja2's compile-time frames (the template, a loop body, a loop's else, a macro or caller body, a set,
 * filter, with or generation body) and the names it reads and assigns. Jinja2 resolves names statically: a name
 * whose first use in a frame is an unconditional assignment belongs to that frame from the frame's start, so
 * before the assignment it is Undefined there (and in frames nested in it) instead of the enclosing or render
 * variable of that name, unless an enclosing frame itself uses the name, which then supplies the value. Names
 * first used in an {@code if} branch, read before being assigned, or bound as parameters fall through as usual.
 * Built while the template compiles, sealed once at its end, then shared read-only by every render.
 */
public final class Frame {
    private final Frame parent;
    private final Set<String> refs = new HashSet<>();
    private final Set<String> assignedFirst = new LinkedHashSet<>();
    private int branchDepth;
    private List<String> ownUndefined = List.of();

    public Frame(Frame parent, Collection<String> parameters) {
        this.parent = parent;
        refs.addAll(parameters);
    }

    public void load(String name) {
        refs.add(name);
    }

    public void loadAll(Collection<String> names) {
        names.forEach(this::load);
    }

    public void store(String name) {
        if (refs.add(name) && branchDepth == 0) {
            assignedFirst.add(name);
        }
    }

    /** The names an assignment target binds are stores; {@code ns.attr = ...} reads {@code ns}. */
    public void assign(AssignTarget target) {
        if (target instanceof AssignTarget.ToNamespace ns) {
            load(ns.namespace());
        } else {
            target.boundNames().forEach(this::store);
        }
    }

    /** Events between these calls happen in an {@code if} branch (Jinja2 merges branches as reads). */
    public void enterBranch() {
        branchDepth++;
    }

    public void exitBranch() {
        branchDepth--;
    }

    /** Fixes {@link #ownUndefined()}; every frame's enclosing frames must be complete. */
    public void seal() {
        List<String> own = new ArrayList<>();
        for (String name : assignedFirst) {
            if (!enclosingUses(name)) {
                own.add(name);
            }
        }
        ownUndefined = own.isEmpty() ? List.of() : List.copyOf(own);
    }

    private boolean enclosingUses(String name) {
        for (Frame f = parent; f != null; f = f.parent) {
            if (f.refs.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** Names a render binds to Undefined when it enters this frame. */
    public List<String> ownUndefined() {
        return ownUndefined;
    }
}
