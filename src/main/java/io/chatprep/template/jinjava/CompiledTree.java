package io.chatprep.template.jinjava;

import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import io.chatprep.template.expr.Expr;
import io.chatprep.template.tree.Frame;
import java.util.Map;

/**
 * Jinjava's node tree of one template plus, for every tag and print node, the Python-exact form compiled from
 * its text once. Never modified after compilation, so renders on any number of threads share it.
 */
public final class CompiledTree {
    private final Node root;
    private final Frame rootFrame;
    private final Map<Object, Object> compiled;

    CompiledTree(Node root, Frame rootFrame, Map<Object, Object> compiled) {
        this.root = root;
        this.rootFrame = rootFrame;
        this.compiled = compiled;
    }

    public Node root() {
        return root;
    }

    /** The template's top-level frame. */
    public Frame rootFrame() {
        return rootFrame;
    }

    @SuppressWarnings("unchecked")
    public <T> T header(TagNode node) {
        return (T) compiled.get(node);
    }

    public Expr expression(ExpressionToken token) {
        return (Expr) compiled.get(token);
    }
}
