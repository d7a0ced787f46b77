package io.chatprep.template.tree;

import io.chatprep.template.runtime.Output;
import io.chatprep.template.runtime.Scope;

/** A compiled template statement. Immutable; all render state lives in the scope and output. */
public interface Node {
    void render(Scope scope, Output out);

    /** Renders a body in order. */
    static void renderAll(Node[] body, Scope scope, Output out) {
        for (Node n : body) {
            n.render(scope, out);
        }
    }
}
