package io.chatprep.template.jinjava;

import com.hubspot.jinjava.lib.tag.RawTag;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import io.chatprep.template.lib.tag.ChatTag;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.TemplateSyntaxException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Walks Jinjava's node tree once and compiles every tag header and print expression with the Python parser. */
public final class TreeCompiler {
    private final CanonicalSource source;
    private final Map<Object, Object> compiled = new IdentityHashMap<>();

    TreeCompiler(CanonicalSource source) {
        this.source = source;
    }

    CompiledTree compile(Node root) {
        compileAll(root.getChildren());
        return new CompiledTree(root, java.util.Collections.unmodifiableMap(compiled));
    }

    /** The template line of a node (Jinjava numbers the rewritten source's lines). */
    public int line(Node node) {
        return source.originalLine(node.getLineNumber());
    }

    public void compileAll(List<Node> nodes) {
        for (Node n : nodes) {
            compileNode(n);
        }
    }

    private void compileNode(Node n) {
        if (n instanceof ExpressionNode) {
            ExpressionToken token = (ExpressionToken) n.getMaster();
            compiled.put(token, Parser.expression(CanonicalSource.printInner(token.getImage()), line(n)));
        } else if (n instanceof TagNode tag) {
            if (tag.getTag() instanceof RawTag) {
                return;
            }
            if (!(tag.getTag() instanceof ChatTag chatTag)) {
                throw new TemplateSyntaxException("Encountered unknown tag '" + tag.getName() + "'.", line(n));
            }
            Parser header = Parser.tagHeader(CanonicalSource.tagInner(tag.getMaster().getImage()), line(n));
            compiled.put(tag, chatTag.compile(tag, header, this));
            compileAll(n.getChildren());
        }
    }

    /** Whether any tag or print node under {@code nodes} mentions {@code name} (macros and varargs/kwargs). */
    public static boolean mentions(List<Node> nodes, String name) {
        Pattern word = Pattern.compile("\\b" + Pattern.quote(name) + "\\b");
        for (Node n : nodes) {
            if (n instanceof ExpressionNode && word.matcher(((ExpressionToken) n.getMaster()).getExpr()).find()) {
                return true;
            }
            if (n instanceof TagNode t && (word.matcher(t.getHelpers()).find() || mentions(t.getChildren(), name))) {
                return true;
            }
        }
        return false;
    }
}
