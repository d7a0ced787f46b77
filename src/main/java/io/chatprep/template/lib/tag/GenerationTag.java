package io.chatprep.template.lib.tag;

import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.Token;
import io.chatprep.template.runtime.Output;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.Strings;
import io.chatprep.template.tree.Node;
import java.util.Set;

/**
 * {@code generation ... endgeneration}: renders its body unchanged in a scope of its own (transformers
 * compiles it to a CallBlock) and records {@code [start, start + len(body))}, where start is the number of
 * code points already emitted at top level. That is transformers' own bookkeeping, so a nested block starts
 * where its outer block starts and a block inside a buffered body counts from the top-level position.
 */
public final class GenerationTag implements Tag {
    @Override
    public String name() {
        return "generation";
    }

    @Override
    public Node parse(Parser p, Token nameToken) {
        p.expectBlockEnd();
        Node[] body = p.subparse(Set.of("endgeneration"));
        p.next();
        p.expectBlockEnd();
        return new GenerationNode(body);
    }

    record GenerationNode(Node[] body) implements Node {
        @Override
        public void render(Scope scope, Output out) {
            Output buffer = scope.ctx().newOutput();
            Node.renderAll(body, scope.child(), buffer);
            String text = buffer.toString();
            long start = scope.ctx().rootCodePoints();
            scope.ctx().addSpan(start, start + Strings.codePointLength(text));
            out.write(text);
        }
    }
}
