package io.chatprep.template.parse;

import io.chatprep.template.expr.And;
import io.chatprep.template.expr.Arguments;
import io.chatprep.template.expr.BinOp;
import io.chatprep.template.expr.Call;
import io.chatprep.template.expr.Compare;
import io.chatprep.template.expr.Concat;
import io.chatprep.template.expr.CondExpr;
import io.chatprep.template.expr.Const;
import io.chatprep.template.expr.DictExpr;
import io.chatprep.template.expr.Expr;
import io.chatprep.template.expr.FilterExpr;
import io.chatprep.template.expr.GetAttr;
import io.chatprep.template.expr.GetItem;
import io.chatprep.template.expr.ListExpr;
import io.chatprep.template.expr.Name;
import io.chatprep.template.expr.Not;
import io.chatprep.template.expr.Or;
import io.chatprep.template.expr.SliceExpr;
import io.chatprep.template.expr.TestExpr;
import io.chatprep.template.expr.Unary;
import io.chatprep.template.lib.filter.Filter;
import io.chatprep.template.lib.filter.FilterLibrary;
import io.chatprep.template.lib.test.Test;
import io.chatprep.template.lib.test.TestLibrary;
import io.chatprep.template.parse.Token.Kind;
import io.chatprep.template.py.PyNone;
import io.chatprep.template.tree.AssignTarget;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jinja2's expression grammar (and the headers of statement tags), producing immutable expression trees. It reads
 * the tokens the {@link Lexer} made of the whole template, one statement at a time; the block structure around the
 * statements is a {@link Markup} tree.
 */
public final class Parser {
    private final List<Token> tokens;
    /** The index of the statement's end token; past it the parser sees {@link #eof}. */
    private final int last;
    private final Token eof;
    private final UnknownNames unknown = new UnknownNames();
    /** Variable names read by the expressions parsed so far and not yet taken (see {@link #takeLoads}). */
    private final List<String> loads = new ArrayList<>();
    private int pos;

    /** A parser over the statement whose begin token is {@code tokens.get(begin)}, up to its end token. */
    private Parser(List<Token> tokens, int begin) {
        this.tokens = tokens;
        int end = begin + 1;
        while (tokens.get(end).kind() != Kind.VAR_END && tokens.get(end).kind() != Kind.BLOCK_END) {
            end++;
        }
        this.last = end;
        this.eof = new Token(Kind.EOF, "", tokens.get(end).line());
        this.pos = begin;
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

    public Expr parsePrint() {
        Expr e = parseTuple(false, true, Set.of(), false);
        if (current().kind() != Kind.VAR_END) {
            throw fail("expected token 'end of print statement', got " + current().describe());
        }
        unknown.check();
        return e;
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

    // ------------------------------------------------------------------ token stream

    private Token at(int index) {
        return index <= last ? tokens.get(index) : eof;
    }

    public Token current() {
        return at(pos);
    }

    public Token look() {
        return at(pos + 1);
    }

    public Token next() {
        Token t = at(pos);
        if (pos <= last) {
            pos++;
        }
        return t;
    }

    public boolean skipName(String name) {
        if (current().isName(name)) {
            next();
            return true;
        }
        return false;
    }

    public boolean skipOp(String op) {
        if (current().isOp(op)) {
            next();
            return true;
        }
        return false;
    }

    public Token expectOp(String op) {
        if (!current().isOp(op)) {
            throw fail("expected token '" + op + "', got " + current().describe());
        }
        return next();
    }

    public Token expectName(String name) {
        if (!current().isName(name)) {
            throw fail("expected token '" + name + "', got " + current().describe());
        }
        return next();
    }

    public String expectIdentifier() {
        if (current().kind() != Kind.NAME) {
            throw fail("expected token 'name', got " + current().describe());
        }
        return next().value();
    }

    public void expectBlockEnd() {
        if (current().kind() != Kind.BLOCK_END) {
            throw fail("expected token 'end of statement block', got " + current().describe());
        }
        next();
        unknown.check();
    }

    public TemplateSyntaxException fail(String message) {
        return new TemplateSyntaxException(message, current().line());
    }

    // ------------------------------------------------------------------ assignment targets

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

    // ------------------------------------------------------------------ expressions

    public Expr parseExpression() {
        return parseExpression(true);
    }

    public Expr parseExpression(boolean withCondExpr) {
        return withCondExpr ? parseCondExpr() : parseOr();
    }

    private Expr parseCondExpr() {
        int line = current().line();
        int mark = unknown.mark();
        Expr expr1 = parseOr();
        while (skipName("if")) {
            Expr expr2 = parseOr();
            Expr expr3 = skipName("else") ? parseCondExpr() : null;
            expr1 = new CondExpr(expr2, expr1, expr3, line);
            unknown.softenFrom(mark);
        }
        return expr1;
    }

    private Expr parseOr() {
        int line = current().line();
        Expr left = parseAnd();
        while (skipName("or")) {
            left = new Or(left, parseAnd(), line);
        }
        return left;
    }

    private Expr parseAnd() {
        int line = current().line();
        Expr left = parseNot();
        while (skipName("and")) {
            left = new And(left, parseNot(), line);
        }
        return left;
    }

    private Expr parseNot() {
        int line = current().line();
        if (current().isName("not")) {
            next();
            return new Not(parseNot(), line);
        }
        return parseCompare();
    }

    private static final Set<String> COMPARE_OPS = Set.of("==", "!=", "<", "<=", ">", ">=");

    private Expr parseCompare() {
        int line = current().line();
        Expr first = parseMath1();
        List<String> ops = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        while (true) {
            Token t = current();
            if (t.kind() == Kind.OPERATOR && COMPARE_OPS.contains(t.value())) {
                next();
                ops.add(t.value());
                rest.add(parseMath1());
            } else if (t.isName("in")) {
                next();
                ops.add("in");
                rest.add(parseMath1());
            } else if (t.isName("not") && look().isName("in")) {
                next();
                next();
                ops.add("not in");
                rest.add(parseMath1());
            } else {
                break;
            }
        }
        return ops.isEmpty() ? first : new Compare(first, ops, rest, line);
    }

    private Expr parseMath1() {
        int line = current().line();
        Expr left = parseConcat();
        while (current().isOp("+") || current().isOp("-")) {
            String op = next().value();
            left = new BinOp(op, left, parseConcat(), line);
        }
        return left;
    }

    private Expr parseConcat() {
        int line = current().line();
        List<Expr> parts = new ArrayList<>();
        parts.add(parseMath2());
        while (skipOp("~")) {
            parts.add(parseMath2());
        }
        return parts.size() == 1 ? parts.get(0) : new Concat(parts, line);
    }

    private Expr parseMath2() {
        int line = current().line();
        Expr left = parsePow();
        while (current().isOp("*") || current().isOp("/") || current().isOp("//") || current().isOp("%")) {
            String op = next().value();
            left = new BinOp(op, left, parsePow(), line);
        }
        return left;
    }

    private Expr parsePow() {
        int line = current().line();
        Expr left = parseUnary(true);
        while (skipOp("**")) {
            left = new BinOp("**", left, parseUnary(true), line);
        }
        return left;
    }

    private Expr parseUnary(boolean withFilter) {
        int line = current().line();
        int start = pos;
        Expr node;
        if (current().isOp("-")) {
            next();
            node = new Unary(true, parseUnary(false), line);
        } else if (current().isOp("+")) {
            next();
            node = new Unary(false, parseUnary(false), line);
        } else {
            node = parsePrimary();
        }
        node = parsePostfix(node);
        if (withFilter) {
            node = parseFilterExpr(node, start);
        }
        return node;
    }

    private Expr parsePrimary() {
        Token t = current();
        int line = t.line();
        switch (t.kind()) {
            case NAME -> {
                next();
                return switch (t.value()) {
                    case "true", "True" -> new Const(Boolean.TRUE, line);
                    case "false", "False" -> new Const(Boolean.FALSE, line);
                    case "none", "None" -> new Const(PyNone.NONE, line);
                    default -> {
                        loads.add(t.value());
                        yield new Name(t.value(), line);
                    }
                };
            }
            case STRING -> {
                next();
                StringBuilder sb = new StringBuilder(t.value());
                while (current().kind() == Kind.STRING) {
                    sb.append(next().value());
                }
                return new Const(sb.toString(), line);
            }
            case INTEGER -> {
                next();
                BigInteger v = new BigInteger(t.value());
                return new Const(v.bitLength() < 64 ? (Object) v.longValue() : v, line);
            }
            case FLOAT -> {
                next();
                return new Const(Double.parseDouble(t.value()), line);
            }
            case OPERATOR -> {
                switch (t.value()) {
                    case "(" -> {
                        next();
                        Expr e = parseTuple(false, true, Set.of(), true);
                        expectOp(")");
                        return e;
                    }
                    case "[" -> {
                        return parseList();
                    }
                    case "{" -> {
                        return parseDict();
                    }
                    default -> throw fail("unexpected '" + t.value() + "'");
                }
            }
            default -> throw fail("unexpected " + t.describe());
        }
    }

    private boolean isTupleEnd(Set<String> extraEndNames) {
        Token t = current();
        if (t.kind() == Kind.VAR_END || t.kind() == Kind.BLOCK_END || t.kind() == Kind.EOF) {
            return true;
        }
        if (t.kind() == Kind.OPERATOR && (t.value().equals(")") || t.value().equals("]")
                || t.value().equals("}") || t.value().equals("="))) {
            return true;
        }
        return t.kind() == Kind.NAME && extraEndNames.contains(t.value());
    }

    /**
     * Jinja2's parse_tuple: comma-separated expressions, a tuple when a comma appears.
     *
     * @param simplified only primaries, no operators
     */
    public Expr parseTuple(boolean simplified, boolean withCondExpr, Set<String> extraEndNames,
            boolean explicitParentheses) {
        int line = current().line();
        List<Expr> args = new ArrayList<>();
        boolean isTuple = false;
        while (true) {
            if (!args.isEmpty()) {
                expectOp(",");
            }
            if (isTupleEnd(extraEndNames)) {
                break;
            }
            args.add(simplified ? parsePrimary() : parseExpression(withCondExpr));
            if (current().isOp(",")) {
                isTuple = true;
            } else {
                break;
            }
        }
        if (!isTuple) {
            if (!args.isEmpty()) {
                return args.get(0);
            }
            if (!explicitParentheses) {
                throw fail("Expected an expression, got " + current().describe());
            }
        }
        return new ListExpr(args, true, line);
    }

    private Expr parseList() {
        int line = expectOp("[").line();
        List<Expr> items = new ArrayList<>();
        while (!current().isOp("]")) {
            if (!items.isEmpty()) {
                expectOp(",");
            }
            if (current().isOp("]")) {
                break;
            }
            items.add(parseExpression());
        }
        expectOp("]");
        return new ListExpr(items, false, line);
    }

    private Expr parseDict() {
        int line = expectOp("{").line();
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!current().isOp("}")) {
            if (!keys.isEmpty()) {
                expectOp(",");
            }
            if (current().isOp("}")) {
                break;
            }
            keys.add(parseExpression());
            expectOp(":");
            values.add(parseExpression());
        }
        expectOp("}");
        return new DictExpr(keys, values, line);
    }

    private Expr parsePostfix(Expr node) {
        while (true) {
            if (current().isOp(".") || current().isOp("[")) {
                node = parseSubscript(node);
            } else if (current().isOp("(")) {
                node = parseCall(node);
            } else {
                return node;
            }
        }
    }

    private Expr parseFilterExpr(Expr node, int start) {
        while (true) {
            if (current().isOp("|")) {
                node = parseFilter(node, start);
            } else if (current().isName("is")) {
                node = parseTest(node, start);
            } else if (current().isOp("(")) {
                node = parseCall(node);
            } else {
                return node;
            }
        }
    }

    private Expr parseSubscript(Expr node) {
        Token t = next();
        int line = t.line();
        if (t.isOp(".")) {
            Token attr = next();
            if (attr.kind() == Kind.NAME) {
                return new GetAttr(node, attr.value(), line);
            }
            if (attr.kind() == Kind.INTEGER) {
                return new GetItem(node, new Const(Long.parseLong(attr.value()), line), line);
            }
            throw new TemplateSyntaxException("expected name or number", line);
        }
        List<Expr> args = new ArrayList<>();
        while (!current().isOp("]")) {
            if (!args.isEmpty()) {
                expectOp(",");
                if (current().isOp("]")) {
                    break;
                }
            }
            args.add(parseSubscribed());
        }
        expectOp("]");
        Expr key = args.size() == 1 ? args.get(0) : new ListExpr(args, true, line);
        return new GetItem(node, key, line);
    }

    private Expr parseSubscribed() {
        int line = current().line();
        List<Expr> parts = new ArrayList<>();
        if (current().isOp(":")) {
            next();
            parts.add(null);
        } else {
            Expr e = parseExpression();
            if (!current().isOp(":")) {
                return e;
            }
            next();
            parts.add(e);
        }
        if (current().isOp(":")) {
            parts.add(null);
        } else if (!current().isOp("]") && !current().isOp(",")) {
            parts.add(parseExpression());
        } else {
            parts.add(null);
        }
        if (current().isOp(":")) {
            next();
            if (!current().isOp("]") && !current().isOp(",")) {
                parts.add(parseExpression());
            } else {
                parts.add(null);
            }
        } else {
            parts.add(null);
        }
        return new SliceExpr(parts.get(0), parts.get(1), parts.get(2), line);
    }

    public Arguments parseCallArgs() {
        expectOp("(");
        List<Expr> positional = new ArrayList<>();
        Map<String, Expr> keywords = new LinkedHashMap<>();
        Expr starArgs = null;
        Expr starKwargs = null;
        boolean first = true;
        while (!current().isOp(")")) {
            if (!first) {
                expectOp(",");
                if (current().isOp(")")) {
                    break;
                }
            }
            first = false;
            if (current().isOp("*")) {
                next();
                starArgs = parseExpression();
            } else if (current().isOp("**")) {
                next();
                starKwargs = parseExpression();
            } else if (current().kind() == Kind.NAME && look().isOp("=")) {
                String key = next().value();
                next();
                if (keywords.containsKey(key)) {
                    throw fail("keyword argument repeated: " + key);
                }
                keywords.put(key, parseExpression());
            } else {
                if (!keywords.isEmpty() || starArgs != null || starKwargs != null) {
                    throw fail("positional argument follows keyword argument");
                }
                positional.add(parseExpression());
            }
        }
        expectOp(")");
        return new Arguments(positional, keywords, starArgs, starKwargs);
    }

    private Expr parseCall(Expr node) {
        int line = current().line();
        return new Call(node, parseCallArgs(), line);
    }

    private String dottedName() {
        StringBuilder name = new StringBuilder(expectIdentifier());
        while (current().isOp(".")) {
            next();
            name.append('.').append(expectIdentifier());
        }
        return name.toString();
    }

    private Expr parseFilter(Expr node, int start) {
        while (current().isOp("|")) {
            int line = next().line();
            String name = dottedName();
            Filter f = FilterLibrary.get(name);
            if (f == null) {
                unknown.record("filter", name, line, start);
                f = (value, args, ctx) -> {
                    throw UnknownNames.missing("filter", name);
                };
            }
            Arguments args = current().isOp("(") ? parseCallArgs() : Arguments.EMPTY;
            node = new FilterExpr(node, f, args, line);
        }
        return node;
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

    private static final Set<Kind> TEST_ARG_START = Set.of(Kind.NAME, Kind.STRING, Kind.INTEGER, Kind.FLOAT);

    private Expr parseTest(Expr node, int start) {
        int line = next().line();
        boolean negated = skipName("not");
        String name = dottedName();
        Test test = TestLibrary.get(name);
        if (test == null) {
            unknown.record("test", name, line, start);
            test = (value, args, ctx) -> {
                throw UnknownNames.missing("test", name);
            };
        }
        Arguments args = Arguments.EMPTY;
        Token t = current();
        if (t.isOp("(")) {
            args = parseCallArgs();
        } else if ((TEST_ARG_START.contains(t.kind()) || t.isOp("[") || t.isOp("{"))
                && !t.isName("else") && !t.isName("or") && !t.isName("and")) {
            if (t.isName("is")) {
                throw fail("You cannot chain multiple tests with is");
            }
            Expr arg = parsePostfix(parsePrimary());
            args = new Arguments(List.of(arg), Map.of(), null, null);
        }
        return new TestExpr(node, test, args, negated, line);
    }
}
