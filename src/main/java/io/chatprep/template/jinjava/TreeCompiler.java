package io.chatprep.template.jinjava;

import com.hubspot.jinjava.lib.tag.RawTag;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import io.chatprep.template.lib.tag.ChatTag;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.TemplateSyntaxException;
import io.chatprep.template.tree.Frame;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Walks Jinjava's node tree once and compiles every tag header and print expression with the Python parser.
 * Tags compile their own bodies through {@link #compileFrame} or {@link #compileBranches}, which track Jinja2's
 * frames: which names each one reads and assigns (see {@link Frame}), and whether an unknown filter or test
 * fails now or only when applied (Jinja2's "soft" frame of {@code if} bodies).
 */
public final class TreeCompiler {
    private final CanonicalSource source;
    private final Map<Object, Object> compiled = new IdentityHashMap<>();
    private final List<Frame> frames = new ArrayList<>();
    private Frame frame;
    private boolean soft;

    TreeCompiler(CanonicalSource source) {
        this.source = source;
    }

    CompiledTree compile(Node root) {
        Frame top = compileFrame(root.getChildren(), List.of());
        frames.forEach(Frame::seal);
        return new CompiledTree(root, top, java.util.Collections.unmodifiableMap(compiled));
    }

    /** The template line of a node (Jinjava numbers the rewritten source's lines). */
    public int line(Node node) {
        return source.originalLine(node.getLineNumber());
    }

    /** The frame the tag being compiled stands in: its header's reads and assignments are recorded here. */
    public Frame frame() {
        return frame;
    }

    /** Compiles a body that is a frame of its own (loop, macro, call, set, filter, with, generation). */
    public Frame compileFrame(List<Node> body, Collection<String> parameters) {
        Frame outer = frame;
        boolean outerSoft = soft;
        frame = new Frame(outer, parameters);
        frames.add(frame);
        soft = false;
        try {
            compileAll(body);
            return frame;
        } finally {
            frame = outer;
            soft = outerSoft;
        }
    }

    /** Compiles the branches of an {@code if}: the enclosing frame, in Jinja2's soft mode. */
    public void compileBranches(List<Node> nodes) {
        boolean outerSoft = soft;
        soft = true;
        frame.enterBranch();
        try {
            compileAll(nodes);
        } finally {
            frame.exitBranch();
            soft = outerSoft;
        }
    }

    private void compileAll(List<Node> nodes) {
        for (Node n : nodes) {
            compileNode(n);
        }
    }

    private void compileNode(Node n) {
        if (n instanceof ExpressionNode) {
            ExpressionToken token = (ExpressionToken) n.getMaster();
            Parser p = Parser.printNode(CanonicalSource.printInner(token.getImage()), line(n), soft);
            compiled.put(token, p.parsePrint());
            frame.loadAll(p.takeLoads());
        } else if (n instanceof TagNode tag) {
            if (tag.getTag() instanceof RawTag) {
                return;
            }
            if (!(tag.getTag() instanceof ChatTag chatTag)) {
                throw new TemplateSyntaxException("Encountered unknown tag '" + tag.getName() + "'.", line(n));
            }
            Parser header = Parser.tagHeader(CanonicalSource.tagInner(tag.getMaster().getImage()), line(n));
            header.setSoft(soft);
            compiled.put(tag, chatTag.compile(tag, header, this));
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
