package io.chatprep.template.lib.tag;

import io.chatprep.template.parse.Markup;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.py.PyTypes;
import io.chatprep.template.tree.Body;
import io.chatprep.template.tree.Renderer;
import java.util.List;

/**
 * {@code generation ... endgeneration}: renders its body unchanged in a scope of its own (transformers
 * compiles it to a CallBlock) and records {@code [start, start + len(body))}, where start is the number of
 * code points already emitted at top level. That is transformers' own bookkeeping, so a nested block starts
 * where its outer block starts and a block inside a buffered body counts from the top-level position.
 */
public final class GenerationTag extends ChatTag<Body> {
    @Override
    public String name() {
        return "generation";
    }

    @Override
    public String endName() {
        return "endgeneration";
    }

    @Override
    protected Body compile(Markup.Tag tag, Parser p, TagCompiler compiler) {
        p.expectBlockEnd();
        return compiler.compileFrame(tag.children(), List.of());
    }

    @Override
    protected void render(Body body, Renderer r) {
        String text = r.renderToString(body.nodes(), body.scopeIn(r.scope()));
        long start = r.ctx().rootCodePoints();
        r.ctx().addSpan(start, start + PyTypes.codePointLength(text));
        r.out().write(text);
    }
}
