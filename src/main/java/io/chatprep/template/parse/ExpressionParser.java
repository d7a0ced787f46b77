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
import io.chatprep.template.lib.test.Test;
import io.chatprep.template.parse.Token.Kind;
import io.chatprep.template.py.PyNone;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jinja2's expression grammar, from conditional expressions down to literals, subscripts, calls, filters and tests,
 * producing immutable expression trees. Records the variable names expressions read (for {@code tree.Frame}) and the
 * filters and tests they name that do not exist (see {@link UnknownNames}).
 */
abstract class ExpressionParser extends TokenStream {
    final UnknownNames unknown = new UnknownNames();
    /** Variable names read by the expressions parsed so far and not yet taken (see {@code Parser.takeLoads}). */
    final List<String> loads = new ArrayList<>();

    ExpressionParser(List<Token> tokens, int begin) {
        super(tokens, begin);
    }

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
        int start = position();
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

    boolean isTupleEnd(Set<String> extraEndNames) {
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

    String dottedName() {
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
            Filter f = unknown.filter(name, line, start);
            Arguments args = current().isOp("(") ? parseCallArgs() : Arguments.EMPTY;
            node = new FilterExpr(node, f, args, line);
        }
        return node;
    }

    private static final Set<Kind> TEST_ARG_START = Set.of(Kind.NAME, Kind.STRING, Kind.INTEGER, Kind.FLOAT);

    private Expr parseTest(Expr node, int start) {
        int line = next().line();
        boolean negated = skipName("not");
        String name = dottedName();
        Test test = unknown.test(name, line, start);
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
