package io.chatprep.template.engine;

import io.chatprep.template.expr.Expr;
import io.chatprep.template.lib.tag.ChatTag;
import io.chatprep.template.lib.tag.TagCompiler;
import io.chatprep.template.lib.tag.TagLibrary;
import io.chatprep.template.parse.Markup;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.TemplateSyntaxException;
import io.chatprep.template.tree.Body;
import io.chatprep.template.tree.Frame;
import io.chatprep.template.tree.Node;
import io.chatprep.template.tree.PrintNode;
import io.chatprep.template.tree.TextNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Compiles a template's block structure once: every print statement with the Python-exact expression parser, every
 * tag by the engine's tag of that name, which parses its header and has its bodies compiled here. Tracks Jinja2's
 * frames (which names each body reads and assigns, see {@link Frame}) and its soft mode, in which an unknown filter
 * or test fails only when applied.
 */
public final class TemplateCompiler implements TagCompiler {
    private final List<Frame> frames = new ArrayList<>();
    private Frame frame;
    private boolean soft;

    private TemplateCompiler() {
    }

    /** The compiled template; a syntax error raises {@link TemplateSyntaxException} naming the line. */
    public static CompiledTemplate compile(List<Markup> template) {
        TemplateCompiler compiler = new TemplateCompiler();
        Body top = compiler.compileFrame(template, List.of());
        compiler.frames.forEach(Frame::seal);
        return new CompiledTemplate(top);
    }

    @Override
    public Frame frame() {
        return frame;
    }

    @Override
    public Body compileFrame(List<Markup> body, Collection<String> parameters) {
        Frame outer = frame;
        boolean outerSoft = soft;
        Frame own = new Frame(outer, parameters);
        frame = own;
        frames.add(own);
        soft = false;
        try {
            return new Body(compileAll(body), own);
        } finally {
            frame = outer;
            soft = outerSoft;
        }
    }

    @Override
    public List<List<Node>> compileBranches(List<List<Markup>> branches) {
        boolean outerSoft = soft;
        soft = true;
        frame.enterBranch();
        try {
            List<List<Node>> compiled = new ArrayList<>(branches.size());
            for (List<Markup> branch : branches) {
                compiled.add(compileAll(branch));
            }
            return compiled;
        } finally {
            frame.exitBranch();
            soft = outerSoft;
        }
    }

    private List<Node> compileAll(List<Markup> body) {
        List<Node> nodes = new ArrayList<>(body.size());
        for (Markup m : body) {
            nodes.add(compile(m));
        }
        return List.copyOf(nodes);
    }

    private Node compile(Markup markup) {
        if (markup instanceof Markup.Text text) {
            return new TextNode(text.text());
        }
        if (markup instanceof Markup.Print print) {
            Parser p = print.parser(soft);
            Expr e = p.parsePrint();
            frame.loadAll(p.takeLoads());
            return new PrintNode(e);
        }
        Markup.Tag tag = (Markup.Tag) markup;
        ChatTag<?> chatTag = TagLibrary.get(tag.name());
        if (chatTag == null) {
            throw new TemplateSyntaxException("Encountered unknown tag '" + tag.name() + "'.", tag.line());
        }
        Parser header = tag.header();
        header.setSoft(soft);
        return chatTag.compileStatement(tag, header, this);
    }
}
