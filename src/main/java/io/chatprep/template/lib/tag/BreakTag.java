package io.chatprep.template.lib.tag;

import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.Token;
import io.chatprep.template.tree.LoopControl;
import io.chatprep.template.tree.Node;

/** {@code break} (loopcontrols extension). */
public final class BreakTag implements Tag {
    @Override
    public String name() {
        return "break";
    }

    @Override
    public Node parse(Parser p, Token nameToken) {
        p.expectBlockEnd();
        return (scope, out) -> {
            throw LoopControl.BREAK;
        };
    }
}
