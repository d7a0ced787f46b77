package io.chatprep.template.parse;

import io.chatprep.template.expr.Arguments;
import io.chatprep.template.expr.Const;
import io.chatprep.template.expr.Expr;
import io.chatprep.template.expr.FilterExpr;
import io.chatprep.template.lib.filter.Filter;
import io.chatprep.template.lib.filter.FilterLibrary;
import io.chatprep.template.parse.Token.Kind;
import io.chatprep.template.tree.AssignTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses one statement of a template: a print statement, or the header of a statement tag, which the tag reads
 * piece by piece (assignment targets, expressions, filter chains) up to {@link #expectBlockEnd}. It reads the tokens
 * the {@link Lexer} made of the whole template; the block structure around the statements is a {@link Markup} tree.
 */
public final class Parser extends ExpressionParser {
    private Parser(List<Token> tokens, int begin) {
        super(tokens, begin);
    }

    /**
     * A parser over a print statement ({@code tokens.get(begin)} is its {@code VAR_BEGIN}); {@link #parsePrint}
     * then parses it. {@code soft}: the statement is in an {@code if} (see {@link #setSoft}).
     */
    public static Parser printStatement(List<Token> tokens, int begin, boolean soft) {
        Parser p = new Parser(tokens, begin);
        p.setSoft(soft);
        p.next();
        return p;
    }

    /**
     * A parser over a statement tag ({@code tokens.get(begin)} is its {@code BLOCK_BEGIN}), positioned after the
     * tag name; the tag parses its header and ends with {@link #expectBlockEnd}.
     */
    public static Parser tagHeader(List<Token> tokens, int begin) {
        Parser p = new Parser(tokens, begin);
        p.next();
        p.next();
        return p;
    }

    /** The variable names read by what was parsed since the last call, in order (for {@code tree.Frame}). */
    public List<String> takeLoads() {
        List<String> taken = List.copyOf(loads);
        loads.clear();
        return taken;
    }

    /**
     * Whether what is parsed next lies in Jinja2's "soft" frame (an {@code if} test or body), where a filter or
     * test that does not exist fails only when applied; elsewhere it fails at {@link #expectBlockEnd}.
     */
    public void setSoft(boolean soft) {
        unknown.setSoft(soft);
    }

    public boolean soft() {
        return unknown.soft();
    }

    public Expr parsePrint() {
        Expr e = parseTuple(false, true, Set.of(), false);
        if (current().kind() != Kind.VAR_END) {
            throw fail("expected token 'end of print statement', got " + current().describe());
        }
        unknown.check();
        return e;
    }

    public void expectBlockEnd() {
        if (current().kind() != Kind.BLOCK_END) {
            throw fail("expected token 'end of statement block', got " + current().describe());
        }
        next();
        unknown.check();
    }

    public AssignTarget parseAssignTarget(boolean withNamespace, Set<String> extraEndNames) {
        int line = current().line();
        if (withNamespace && current().kind() == Kind.NAME && look().isOp(".")) {
            String ns = next().value();
            next();
            String attr = expectIdentifier();
            return new AssignTarget.ToNamespace(ns, attr, line);
        }
        List<AssignTarget> targets = new ArrayList<>();
        boolean tuple = false;
        while (true) {
            if (!targets.isEmpty()) {
                if (!skipOp(",")) {
                    break;
                }
                tuple = true;
            }
            if (isTupleEnd(extraEndNames)) {
                break;
            }
            if (current().isOp("(")) {
                next();
                AssignTarget inner = parseAssignTarget(false, Set.of());
                expectOp(")");
                targets.add(inner);
            } else {
                targets.add(new AssignTarget.ToName(expectIdentifier()));
            }
        }
        if (targets.isEmpty()) {
            throw fail("can't assign to nothing");
        }
        return tuple ? new AssignTarget.ToTuple(targets) : targets.get(0);
    }

    /** The filter chain of a {@code filter} block: {@code upper | replace('a', 'b')}. */
    public List<FilterExpr> parseFilterChain() {
        List<FilterExpr> chain = new ArrayList<>();
        do {
            int line = current().line();
            String name = dottedName();
            Filter f = FilterLibrary.get(name);
            if (f == null) {
                throw new TemplateSyntaxException("No filter named '" + name + "'.", line);
            }
            Arguments args = current().isOp("(") ? parseCallArgs() : Arguments.EMPTY;
            chain.add(new FilterExpr(new Const(null, line), f, args, line));
        } while (skipOp("|"));
        return chain;
    }
}
