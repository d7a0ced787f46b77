package io.chatprep.template.jinjava;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TreeParser;
import io.chatprep.template.lib.filter.FilterLibrary;
import io.chatprep.template.lib.fn.FunctionLibrary;
import io.chatprep.template.lib.tag.TagLibrary;
import io.chatprep.template.lib.test.TestLibrary;
import io.chatprep.template.parse.TemplateSyntaxException;
import jinjava.javax.el.ExpressionFactory;

/**
 * The Jinjava environment of chat templates, set up as transformers sets up Jinja2: the statement tags are the
 * engine's own (registered over Jinjava's), expressions use the Python-exact parser and evaluator, message
 * content is never interpreted as a template, and Jinjava's own whitespace trimming is off because the
 * source arrives already whitespace-controlled by {@link CanonicalSource}.
 */
public final class ChatJinjava extends Jinjava {
    private static final ChatJinjava INSTANCE = new ChatJinjava();

    private final PythonExpressionFactory expressionFactory;

    private ChatJinjava() {
        super(JinjavaConfig.newBuilder()
                .withNestedInterpretationEnabled(false)
                .withTrimBlocks(false)
                .withLstripBlocks(false)
                .withKeepTrailingNewline(true)
                .withFailOnUnknownTokens(false)
                .withExecutionMode(new ChatExecutionMode())
                .build());
        this.expressionFactory = new PythonExpressionFactory();
        Context global = getGlobalContext();
        TagLibrary.all().forEach(global::registerTag);
        FilterLibrary.all().forEach((name, f) -> global.registerFilter(new JinjavaFilter(name, f)));
        TestLibrary.all().forEach((name, t) -> global.registerExpTest(new JinjavaTest(name, t)));
        global.setExpressionStrategy(ChatExecutionMode.STRATEGY);
        global.putAll(FunctionLibrary.globals());
    }

    public static ChatJinjava get() {
        return INSTANCE;
    }

    @Override
    public ExpressionFactory getExpressionFactory() {
        return expressionFactory;
    }

    @Override
    public ExpressionFactory getEagerExpressionFactory() {
        return expressionFactory;
    }

    /** Parses with Jinjava's tree parser and compiles every tag and expression; syntax errors name the line. */
    public CompiledTree compile(String templateSource) {
        CanonicalSource canonical = CanonicalSource.of(templateSource);
        Context parseContext = new Context(getGlobalContext());
        parseContext.setExpressionStrategy(ChatExecutionMode.STRATEGY);
        JinjavaInterpreter interpreter = new JinjavaInterpreter(this, parseContext, getGlobalConfig());
        Node root;
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            root = new TreeParser(interpreter, canonical.text()).buildTree();
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        for (TemplateError e : interpreter.getErrors()) {
            throw new TemplateSyntaxException(e.getMessage(), canonical.originalLine(e.getLineno()));
        }
        return new TreeCompiler(canonical).compile(root);
    }

    /** A fresh interpreter for one render, over a root context holding the render's variables. */
    public JinjavaInterpreter newRenderInterpreter(Context root) {
        return new JinjavaInterpreter(this, root, getGlobalConfig());
    }
}
