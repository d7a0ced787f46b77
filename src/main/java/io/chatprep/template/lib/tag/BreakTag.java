package io.chatprep.template.lib.tag;

import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import io.chatprep.template.jinjava.RenderSession;
import io.chatprep.template.jinjava.TreeCompiler;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.tree.LoopControl;

/** {@code break} and {@code continue} (loopcontrols extension): only valid inside a {@code for} body. */
public final class BreakTag extends ChatTag<Void> {
    private static final long serialVersionUID = 1L;
    private final LoopControl control;

    private BreakTag(LoopControl control) {
        this.control = control;
    }

    public static BreakTag breakTag() {
        return new BreakTag(LoopControl.BREAK);
    }

    public static BreakTag continueTag() {
        return new BreakTag(LoopControl.CONTINUE);
    }

    @Override
    public String getName() {
        return control.getMessage();
    }

    @Override
    public Void compile(TagNode node, Parser p, TreeCompiler compiler) {
        p.expectBlockEnd();
        for (Node n = node.getParent(); n instanceof TagNode t; n = n.getParent()) {
            if (t.getName().equals("for")) {
                return null;
            }
            if (t.getName().equals("macro") || t.getName().equals("call")) {
                break;
            }
        }
        throw p.fail("'" + getName() + "' outside of a loop");
    }

    @Override
    protected void render(TagNode node, Void header, RenderSession session) {
        throw control;
    }
}
