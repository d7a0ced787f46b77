package io.chatprep.template.jinjava;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.tag.RawTag;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.TextNode;
import com.hubspot.jinjava.tree.TreeParser;
import com.hubspot.jinjava.tree.parse.TextToken;
import io.chatprep.template.lib.tag.ChatTag;
import io.chatprep.template.lib.tag.TagLibrary;
import io.chatprep.template.parse.Lexer;
import io.chatprep.template.parse.Markup;
import io.chatprep.template.parse.TemplateSyntaxException;
import io.chatprep.template.parse.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Jinjava adapter: Jinjava's tree parser finds a template's block structure (which tags nest in which, where
 * each one ends, whether a {@code set} has a body, and the errors of a broken structure), and hands it to the
 * engine as {@link Markup}. The engine's lexer reads the template once; Jinjava parses a rewrite of it
 * ({@link CanonicalSource}) in which the engine's tags are registered over Jinjava's own tags of the same name.
 */
public final class JinjavaBlocks {
    private static final Jinjava JINJAVA = new Jinjava(JinjavaConfig.newBuilder()
            .withNestedInterpretationEnabled(false)
            .withTrimBlocks(false)
            .withLstripBlocks(false)
            .withKeepTrailingNewline(true)
            .withFailOnUnknownTokens(false)
            .build());

    private JinjavaBlocks() {
    }

    /** The block structure of {@code source}; a syntax error raises {@link TemplateSyntaxException} naming the line. */
    public static List<Markup> parse(String source) {
        List<Token> tokens = Lexer.tokenize(source);
        CanonicalSource canonical = CanonicalSource.of(tokens);
        Context context = new Context(JINJAVA.getGlobalContext());
        for (ChatTag<?> tag : TagLibrary.all()) {
            context.registerTag(TagShape.of(tag, tokens, canonical));
        }
        JinjavaInterpreter interpreter = new JinjavaInterpreter(JINJAVA, context, JINJAVA.getGlobalConfig());
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            Node root = new TreeParser(interpreter, canonical.text()).buildTree();
            for (TemplateError e : interpreter.getErrors()) {
                throw new TemplateSyntaxException(e.getMessage(), canonical.originalLine(e.getLineno()));
            }
            List<Markup> template = new ArrayList<>();
            new Converter(tokens, canonical, interpreter).convert(root.getChildren(), null, template);
            return template;
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    /** Jinjava's nodes, met in template order, as the engine's markup. */
    private static final class Converter {
        private static final RawTag RAW = new RawTag();
        private final List<Token> tokens;
        private final CanonicalSource canonical;
        private final JinjavaInterpreter interpreter;
        /** How many of the print statements or tags written as each text have been met. */
        private final Map<String, Integer> met = new HashMap<>();

        Converter(List<Token> tokens, CanonicalSource canonical, JinjavaInterpreter interpreter) {
            this.tokens = tokens;
            this.canonical = canonical;
            this.interpreter = interpreter;
        }

        void convert(List<Node> nodes, Markup.Tag parent, List<Markup> into) {
            for (Node n : nodes) {
                into.add(convert(n, parent));
            }
        }

        private Markup convert(Node n, Markup.Tag parent) {
            if (n instanceof TextNode) {
                return new Markup.Text(((TextToken) n.getMaster()).output());
            }
            if (n instanceof TagNode node && node.getTag() instanceof RawTag) {
                // the rewrite's own raw blocks: template text that holds braces
                return new Markup.Text(RAW.interpret(node, interpreter));
            }
            String image = n.getMaster().getImage();
            int begin = canonical.beginsOf(image).get(met.merge(image, 1, Integer::sum) - 1);
            if (n instanceof ExpressionNode) {
                return new Markup.Print(tokens, begin);
            }
            TagNode node = (TagNode) n;
            Markup.Tag tag = new Markup.Tag(node.getName(), tokens, begin, parent);
            for (Node child : node.getChildren()) {
                tag.add(convert(child, tag));
            }
            return tag;
        }
    }
}
