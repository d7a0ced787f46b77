package io.chatprep.template.py;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * Python's arithmetic operators over template values ({@code + - * / // % **} and unary {@code -} / {@code +}), with
 * Python's results (ints never overflow, float division and modulo follow CPython) and TypeError messages. Undefined
 * raises UndefinedError, as Jinja2's Undefined does.
 */
public final class PyArithmetic {
    private static final BigInteger LONG_SAFE_DOUBLE = BigInteger.ONE.shiftLeft(53);

    private PyArithmetic() {
    }

    private static PyException unsupported(String op, Object a, Object b) {
        return PyException.typeError("unsupported operand type(s) for " + op + ": '" + PyTypes.typeName(a) + "' and '"
                + PyTypes.typeName(b) + "'");
    }

    private static void rejectUndefined(Object a, Object b) {
        if (a == null || b == null) {
            throw PyOps.undefined();
        }
    }

    /**
     * {@code a op b} for two numbers: ints in a long while the result fits (the exact operation throws when it would
     * not), else as BigIntegers, which Python's ints are; any float makes it a float operation.
     */
    private static Object numeric(Object a, Object b, LongBinaryOperator exact, BinaryOperator<BigInteger> big,
                                  DoubleBinaryOperator real) {
        if (!PyTypes.isIntLike(a) || !PyTypes.isIntLike(b)) {
            return real.applyAsDouble(PyTypes.toDouble(a), PyTypes.toDouble(b));
        }
        if (PyTypes.fitsLong(a) && PyTypes.fitsLong(b)) {
            try {
                return exact.applyAsLong(PyTypes.toLong(a), PyTypes.toLong(b));
            } catch (ArithmeticException overflow) {
                // Falls through to the BigInteger operation.
            }
        }
        return PyTypes.normalize(big.apply(PyTypes.toBigInteger(a), PyTypes.toBigInteger(b)));
    }

    /** Python {@code a + b}. */
    public static Object add(Object a, Object b) {
        rejectUndefined(a, b);
        if (PyTypes.isNumber(a) && PyTypes.isNumber(b)) {
            return numeric(a, b, Math::addExact, BigInteger::add, Double::sum);
        }
        if (a instanceof String) {
            if (!(b instanceof String)) {
                throw PyException.typeError("can only concatenate str (not \"" + PyTypes.typeName(b) + "\") to str");
            }
            String x = (String) a;
            String y = (String) b;
            PyLimits.checkString((long) x.length() + y.length());
            return x.concat(y);
        }
        if (PyTypes.isSequence(a)) {
            boolean tuple = a instanceof PyTuple;
            if (!PyTypes.isSequence(b) || (b instanceof PyTuple) != tuple) {
                String t = tuple ? "tuple" : "list";
                throw PyException.typeError("can only concatenate " + t + " (not \"" + PyTypes.typeName(b) + "\") to " + t);
            }
            List<?> x = (List<?>) a;
            List<?> y = (List<?>) b;
            PyLimits.checkList((long) x.size() + y.size());
            List<Object> out = new ArrayList<>(x.size() + y.size());
            out.addAll(x);
            out.addAll(y);
            return tuple ? PyTuple.copyOf(out) : Collections.unmodifiableList(out);
        }
        throw unsupported("+", a, b);
    }

    /** Python {@code a - b}. */
    public static Object sub(Object a, Object b) {
        rejectUndefined(a, b);
        if (PyTypes.isNumber(a) && PyTypes.isNumber(b)) {
            return numeric(a, b, Math::subtractExact, BigInteger::subtract, (x, y) -> x - y);
        }
        throw unsupported("-", a, b);
    }

    /** Python {@code a * b}, including {@code str * int} and {@code list * int}. */
    public static Object mul(Object a, Object b) {
        rejectUndefined(a, b);
        if (PyTypes.isNumber(a) && PyTypes.isNumber(b)) {
            return numeric(a, b, Math::multiplyExact, BigInteger::multiply, (x, y) -> x * y);
        }
        if (a instanceof String || PyTypes.isSequence(a)) {
            return repeat(a, b);
        }
        if (b instanceof String || PyTypes.isSequence(b)) {
            return repeat(b, a);
        }
        throw unsupported("*", a, b);
    }

    private static Object repeat(Object sequence, Object count) {
        if (!PyTypes.isIntLike(count)) {
            throw PyException.typeError("can't multiply sequence by non-int of type '" + PyTypes.typeName(count) + "'");
        }
        long n;
        if (!PyTypes.fitsLong(count)) {
            n = ((BigInteger) count).signum() < 0 ? 0 : Long.MAX_VALUE;
        } else {
            n = Math.max(0, PyTypes.toLong(count));
        }
        if (sequence instanceof String) {
            String s = (String) sequence;
            if (s.isEmpty() || n == 0) {
                return "";
            }
            PyLimits.checkString(n, s.length());
            return s.repeat((int) n);
        }
        List<?> list = (List<?>) sequence;
        if (list.isEmpty() || n == 0) {
            return sequence instanceof PyTuple ? PyTuple.EMPTY : Collections.emptyList();
        }
        if (n > 0 && list.size() > 0 && n > Long.MAX_VALUE / list.size()) {
            PyLimits.checkList(-1);
        }
        PyLimits.checkList(n * list.size());
        List<Object> out = new ArrayList<>((int) (n * list.size()));
        PyLimits.Clock clock = PyLimits.clock();
        for (long i = 0; i < n; i++) {
            clock.tick();
            out.addAll(list);
        }
        return sequence instanceof PyTuple ? PyTuple.copyOf(out) : Collections.unmodifiableList(out);
    }

    /** Python {@code a / b}: always a float. */
    public static Object truediv(Object a, Object b) {
        rejectUndefined(a, b);
        if (!(PyTypes.isNumber(a) && PyTypes.isNumber(b))) {
            throw unsupported("/", a, b);
        }
        if (PyTypes.isIntLike(a) && PyTypes.isIntLike(b)) {
            BigInteger x = PyTypes.toBigInteger(a);
            BigInteger y = PyTypes.toBigInteger(b);
            if (y.signum() == 0) {
                throw new PyException("ZeroDivisionError", "division by zero");
            }
            if (x.abs().compareTo(LONG_SAFE_DOUBLE) <= 0 && y.abs().compareTo(LONG_SAFE_DOUBLE) <= 0) {
                return x.doubleValue() / y.doubleValue();
            }
            return new BigDecimal(x).divide(new BigDecimal(y), java.math.MathContext.DECIMAL128).doubleValue();
        }
        double y = PyTypes.toDouble(b);
        if (y == 0) {
            throw new PyException("ZeroDivisionError", "float division by zero");
        }
        return PyTypes.toDouble(a) / y;
    }

    /** Python {@code a // b}, flooring toward negative infinity. */
    public static Object floordiv(Object a, Object b) {
        rejectUndefined(a, b);
        if (!(PyTypes.isNumber(a) && PyTypes.isNumber(b))) {
            throw unsupported("//", a, b);
        }
        if (PyTypes.isIntLike(a) && PyTypes.isIntLike(b)) {
            BigInteger y = PyTypes.toBigInteger(b);
            if (y.signum() == 0) {
                throw new PyException("ZeroDivisionError", "integer division or modulo by zero");
            }
            BigInteger[] qr = PyTypes.toBigInteger(a).divideAndRemainder(y);
            BigInteger q = qr[0];
            if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
                q = q.subtract(BigInteger.ONE);
            }
            return PyTypes.normalize(q);
        }
        double y = PyTypes.toDouble(b);
        if (y == 0) {
            throw new PyException("ZeroDivisionError", "float floor division by zero");
        }
        return floatDivmod(PyTypes.toDouble(a), y)[0];
    }

    /** Python {@code a % b} for numbers (sign follows the divisor) and printf-style {@code str % args}. */
    public static Object mod(Object a, Object b) {
        if (a instanceof String) {
            return PyFormat.percent((String) a, b);
        }
        rejectUndefined(a, b);
        if (!(PyTypes.isNumber(a) && PyTypes.isNumber(b))) {
            throw unsupported("%", a, b);
        }
        if (PyTypes.isIntLike(a) && PyTypes.isIntLike(b)) {
            BigInteger y = PyTypes.toBigInteger(b);
            if (y.signum() == 0) {
                throw new PyException("ZeroDivisionError", "integer modulo by zero");
            }
            BigInteger r = PyTypes.toBigInteger(a).mod(y.abs());
            if (y.signum() < 0 && r.signum() != 0) {
                r = r.add(y);
            }
            return PyTypes.normalize(r);
        }
        double y = PyTypes.toDouble(b);
        if (y == 0) {
            throw new PyException("ZeroDivisionError", "float modulo");
        }
        return floatDivmod(PyTypes.toDouble(a), y)[1];
    }

    /** CPython's float_divmod: {floor quotient, remainder with the divisor's sign}. */
    private static double[] floatDivmod(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return new double[] {floordiv, mod};
    }

    /** Python {@code a ** b}. */
    public static Object pow(Object a, Object b) {
        rejectUndefined(a, b);
        if (!(PyTypes.isNumber(a) && PyTypes.isNumber(b))) {
            throw unsupported("** or pow()", a, b);
        }
        if (PyTypes.isIntLike(a) && PyTypes.isIntLike(b)) {
            BigInteger base = PyTypes.toBigInteger(a);
            BigInteger exp = PyTypes.toBigInteger(b);
            if (exp.signum() >= 0) {
                if (base.abs().compareTo(BigInteger.ONE) <= 0) {
                    boolean odd = exp.testBit(0);
                    return PyTypes.normalize(base.signum() < 0 && !odd ? BigInteger.ONE
                            : (exp.signum() == 0 ? BigInteger.ONE : base));
                }
                // Result digits grow as bitLength * exponent; refuse what would exceed the size cap.
                double bits = (double) base.bitLength() * exp.doubleValue();
                PyLimits.checkString((long) Math.min(bits / 3.32, Long.MAX_VALUE - 1));
                return PyTypes.normalize(base.pow(exp.intValueExact()));
            }
            if (base.signum() == 0) {
                throw new PyException("ZeroDivisionError", "0.0 cannot be raised to a negative power");
            }
            return Math.pow(PyTypes.toDouble(a), PyTypes.toDouble(b));
        }
        double x = PyTypes.toDouble(a);
        double y = PyTypes.toDouble(b);
        if (x == 0 && y < 0) {
            throw new PyException("ZeroDivisionError", "0.0 cannot be raised to a negative power");
        }
        if (x < 0 && y != Math.rint(y) && !Double.isInfinite(y)) {
            throw PyException.valueError("negative number cannot be raised to a fractional power");
        }
        double r = Math.pow(x, y);
        if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
            throw new PyException("OverflowError", "(34, 'Numerical result out of range')");
        }
        return r;
    }

    /** Python unary {@code -x}. */
    public static Object neg(Object a) {
        if (a == null) {
            throw PyOps.undefined();
        }
        if (PyTypes.isIntLike(a)) {
            if (PyTypes.fitsLong(a) && PyTypes.toLong(a) != Long.MIN_VALUE) {
                return -PyTypes.toLong(a);
            }
            return PyTypes.normalize(PyTypes.toBigInteger(a).negate());
        }
        if (PyTypes.isFloat(a)) {
            return -((Number) a).doubleValue();
        }
        throw PyException.typeError("bad operand type for unary -: '" + PyTypes.typeName(a) + "'");
    }

    /** Python unary {@code +x}. */
    public static Object pos(Object a) {
        if (a == null) {
            throw PyOps.undefined();
        }
        if (PyTypes.isIntLike(a)) {
            return a instanceof Boolean ? (Object) PyTypes.toLong(a) : PyTypes.canonicalInt(a);
        }
        if (PyTypes.isFloat(a)) {
            return ((Number) a).doubleValue();
        }
        throw PyException.typeError("bad operand type for unary +: '" + PyTypes.typeName(a) + "'");
    }
}
