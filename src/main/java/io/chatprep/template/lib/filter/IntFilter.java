package io.chatprep.template.lib.filter;

import io.chatprep.template.py.PyNone;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;

/** {@code int(default=0, base=10)}: Python {@code int()}, then {@code int(float())}, else the default. */
public final class IntFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("int", 2, Set.of("default", "base"));
        Object dflt = args.get(0, "default", 0L);
        int base = ((Number) args.get(1, "base", 10L)).intValue();
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (Values.isInt(value)) {
            return value;
        }
        if (value instanceof Double d) {
            return truncate(d, dflt);
        }
        if (value instanceof String s) {
            String t = s.strip().replace("_", "");
            try {
                String sign = t.startsWith("-") ? "-" : "";
                String digits = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
                int radix = base;
                String lower = digits.toLowerCase(java.util.Locale.ROOT);
                // Python's int(s, base) accepts the matching 0x / 0o / 0b prefix; base 0 infers it
                for (int[] p : new int[][] {{'x', 16}, {'o', 8}, {'b', 2}}) {
                    if (lower.length() > 2 && lower.charAt(0) == '0' && lower.charAt(1) == p[0]
                            && (base == p[1] || base == 0)) {
                        digits = digits.substring(2);
                        radix = p[1];
                    }
                }
                if (radix == 0) {
                    radix = 10;
                }
                BigInteger v = new BigInteger(sign + digits, radix);
                return v.bitLength() < 64 ? (Object) v.longValue() : v;
            } catch (NumberFormatException e) {
                Double d = FloatFilter.parse(s);
                return d == null ? dflt : truncate(d, dflt);
            }
        }
        return dflt == null ? PyNone.NONE : dflt;
    }

    private static Object truncate(double d, Object dflt) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return dflt;
        }
        BigInteger v = new BigDecimal(d).toBigInteger();
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }
}
