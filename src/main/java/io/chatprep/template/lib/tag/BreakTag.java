package io.chatprep.template.lib.tag;

import io.chatprep.template.parse.Markup;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.tree.LoopControl;
import io.chatprep.template.tree.Renderer;

/** {@code break} and {@code continue} (loopcontrols extension): only valid inside a {@code for} body. */
public final class BreakTag extends ChatTag<Void> {
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
    public String name() {
        return control.getMessage();
    }

    @Override
    protected Void compile(Markup.Tag tag, Parser p, TagCompiler compiler) {
        p.expectBlockEnd();
        for (Markup.Tag t = tag.parent(); t != null; t = t.parent()) {
            if (t.name().equals("for")) {
                return null;
            }
            if (t.name().equals("macro") || t.name().equals("call")) {
                break;
            }
        }
        throw p.fail("'" + name() + "' outside of a loop");
    }

    @Override
    protected void render(Void compiled, Renderer r) {
        throw control;
    }
}
