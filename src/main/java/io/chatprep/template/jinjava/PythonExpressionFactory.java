package io.chatprep.template.jinjava;

import io.chatprep.template.expr.Expr;
import io.chatprep.template.parse.Parser;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ExpressionFactory;
import jinjava.javax.el.MethodExpression;
import jinjava.javax.el.ValueExpression;

/**
 * Jinjava's expression factory replaced by the Python-exact parser and evaluator: any expression Jinjava
 * resolves itself ({@code #{...}}) is parsed once (cached by text) and evaluated in the running render's scope.
 */
public final class PythonExpressionFactory extends ExpressionFactory {
    private static final int MAX_CACHED = 10_000;
    private final Map<String, Expr> cache = new ConcurrentHashMap<>();

    @Override
    public Object coerceToType(Object obj, Class<?> targetType) {
        return obj;
    }

    @Override
    public MethodExpression createMethodExpression(ELContext context, String expression, Class<?> expectedReturnType,
            Class<?>[] expectedParamTypes) {
        throw new UnsupportedOperationException("chat templates have no method expressions");
    }

    @Override
    public ValueExpression createValueExpression(ELContext context, String expression, Class<?> expectedType) {
        String inner = expression;
        if ((inner.startsWith("#{") || inner.startsWith("${")) && inner.endsWith("}")) {
            inner = inner.substring(2, inner.length() - 1);
        }
        String text = inner;
        if (cache.size() > MAX_CACHED) {
            cache.clear(); // expressions come from untrusted templates: never let the cache grow without bound
        }
        Expr compiled = cache.computeIfAbsent(text, t -> Parser.expression(t, 1));
        return new PythonValueExpression(text, compiled);
    }

    @Override
    public ValueExpression createValueExpression(Object instance, Class<?> expectedType) {
        throw new UnsupportedOperationException("chat templates have no object value expressions");
    }

    /** A compiled expression evaluated in the current render's scope. */
    static final class PythonValueExpression extends ValueExpression {
        private static final long serialVersionUID = 1L;
        private final String text;
        private final transient Expr expr;

        PythonValueExpression(String text, Expr expr) {
            this.text = text;
            this.expr = expr;
        }

        @Override
        public Object getValue(ELContext context) {
            return expr.eval(RenderSession.current().scope());
        }

        @Override
        public void setValue(ELContext context, Object value) {
            throw new UnsupportedOperationException("expressions are read-only");
        }

        @Override
        public boolean isReadOnly(ELContext context) {
            return true;
        }

        @Override
        public Class<?> getType(ELContext context) {
            return Object.class;
        }

        @Override
        public Class<?> getExpectedType() {
            return Object.class;
        }

        @Override
        public String getExpressionString() {
            return text;
        }

        @Override
        public boolean isLiteralText() {
            return false;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PythonValueExpression p && p.text.equals(text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }
}
