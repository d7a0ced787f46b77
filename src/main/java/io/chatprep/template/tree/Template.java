package io.chatprep.template.tree;

import io.chatprep.template.runtime.Output;
import io.chatprep.template.runtime.Scope;

/** The root of a compiled template. */
public record Template(Node[] body) {
    public void render(Scope scope, Output out) {
        Node.renderAll(body, scope, out);
    }
}
