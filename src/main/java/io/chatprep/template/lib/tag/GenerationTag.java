package io.chatprep.template.lib.tag;

import com.hubspot.jinjava.tree.TagNode;
import io.chatprep.template.jinjava.RenderSession;
import io.chatprep.template.jinjava.TreeCompiler;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.py.PyTypes;
import io.chatprep.template.tree.Frame;
import java.util.List;

/**
 * {@code generation ... endgeneration}: renders its body unchanged in a scope of its own (transformers
 * compiles it to a CallBlock) and records {@code [start, start + len(body))}, where start is the number of
 * code points already emitted at top level. That is transformers' own bookkeeping, so a nested block starts
 * where its outer block starts and a block inside a buffered body counts from the top-level position.
 */
public final class GenerationTag extends ChatTag<Frame> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return "generation";
    }

    @Override
    public String getEndTagName() {
        return "endgeneration";
    }

    @Override
    public Frame compile(TagNode node, Parser p, TreeCompiler compiler) {
        p.expectBlockEnd();
        return compiler.compileFrame(node.getChildren(), List.of());
    }

    @Override
    protected void render(TagNode node, Frame frame, RenderSession s) {
        String text = s.renderToString(node.getChildren(), s.scope().enter(frame));
        long start = s.ctx().rootCodePoints();
        s.ctx().addSpan(start, start + PyTypes.codePointLength(text));
        s.out().write(text);
    }
}
