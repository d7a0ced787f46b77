package io.chatprep.template.tree;

import io.chatprep.template.runtime.Scope;
import java.util.List;

/** A compiled body that is one of Jinja2's frames (a loop body, a macro, a set block, ...) and that frame. */
public record Body(List<Node> nodes, Frame frame) {
    /** A scope for one run of this body inside {@code outer}: the names the frame owns from its start are Undefined. */
    public Scope scopeIn(Scope outer) {
        return outer.enter(frame.ownUndefined());
    }
}
