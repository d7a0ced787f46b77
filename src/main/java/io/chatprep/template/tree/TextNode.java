package io.chatprep.template.tree;

import io.chatprep.template.runtime.Output;
import io.chatprep.template.runtime.Scope;

/** Template data, already whitespace-controlled by the lexer. */
public record TextNode(String text) implements Node {
    @Override
    public void render(Scope scope, Output out) {
        out.write(text);
    }
}
