package io.chatprep.template.lib.tag;

import com.hubspot.jinjava.tree.TagNode;
import io.chatprep.template.jinjava.RenderSession;
import io.chatprep.template.jinjava.TreeCompiler;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.py.PyTypes;

/**
 * {@code generation ... endgeneration}: renders its body unchanged in a scope of its own (transformers
 * compiles it to a CallBlock) and records {@code [start, start + len(body))}, where start is the number of
 * code points already emitted at top level. That is transformers' own bookkeeping, so a nested block starts
 * where its outer block starts and a block inside a buffered body counts from the top-level position.
 */
public final class GenerationTag extends ChatTag<Void> {
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
    public Void compile(TagNode node, Parser p, TreeCompiler compiler) {
        p.expectBlockEnd();
        return null;
    }

    @Override
    protected void render(TagNode node, Void header, RenderSession s) {
        String text = s.renderToString(node.getChildren(), s.scope().child());
        long start = s.ctx().rootCodePoints();
        s.ctx().addSpan(start, start + PyTypes.codePointLength(text));
        s.out().write(text);
    }
}
