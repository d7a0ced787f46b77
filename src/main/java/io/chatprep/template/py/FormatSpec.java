package io.chatprep.template.py;

/** A parsed format spec: {@code [[fill]align][sign][#][0][width][grouping][.precision][type]}. */
final class FormatSpec {
    int fill = ' ';
    char align = 0;
    char sign = 0;
    boolean alternate;
    int width = -1;
    char grouping = 0;
    int precision = -1;
    char type = 0;

    FormatSpec copy() {
        FormatSpec copy = new FormatSpec();
        copy.fill = fill;
        copy.align = align;
        copy.sign = sign;
        copy.alternate = alternate;
        copy.width = width;
        copy.grouping = grouping;
        copy.precision = precision;
        copy.type = type;
        return copy;
    }

    /** Parses a spec; {@code numeric} selects the default alignment the '0' flag depends on. */
    static FormatSpec parse(String text, boolean numeric) {
        FormatSpec spec = new FormatSpec();
        int[] cps = text.codePoints().toArray();
        int i = 0;
        boolean fillSpecified = false;
        if (cps.length >= 2 && "<>=^".indexOf(cps[1]) >= 0) {
            spec.fill = cps[0];
            spec.align = (char) cps[1];
            fillSpecified = true;
            i = 2;
        } else if (cps.length >= 1 && "<>=^".indexOf(cps[0]) >= 0) {
            spec.align = (char) cps[0];
            i = 1;
        }
        if (i < cps.length && "+- ".indexOf(cps[i]) >= 0) {
            spec.sign = (char) cps[i++];
        }
        if (i < cps.length && cps[i] == '#') {
            spec.alternate = true;
            i++;
        }
        if (i < cps.length && cps[i] == '0') {
            // The '0' flag zero-fills unless a fill was given, and pads after the sign unless aligned.
            if (!fillSpecified) {
                spec.fill = '0';
                if (spec.align == 0 && numeric) {
                    spec.align = '=';
                }
            }
            i++;
        }
        int start = i;
        while (i < cps.length && cps[i] >= '0' && cps[i] <= '9') {
            i++;
        }
        if (i > start) {
            spec.width = Integer.parseInt(new String(cps, start, i - start));
        }
        if (i < cps.length && (cps[i] == ',' || cps[i] == '_')) {
            spec.grouping = (char) cps[i++];
        }
        if (i < cps.length && cps[i] == '.') {
            i++;
            start = i;
            while (i < cps.length && cps[i] >= '0' && cps[i] <= '9') {
                i++;
            }
            if (i == start) {
                throw PyException.valueError("Format specifier missing precision");
            }
            spec.precision = Integer.parseInt(new String(cps, start, i - start));
        }
        if (i < cps.length) {
            spec.type = (char) cps[i++];
        }
        if (i < cps.length) {
            throw PyException.valueError("Invalid format specifier '" + text + "' for object of type '%s'");
        }
        if (spec.grouping != 0 && "defgEGF%".indexOf(spec.type) < 0 && spec.type != 0
                && !(spec.grouping == '_' && "boxX".indexOf(spec.type) >= 0)) {
            throw PyException.valueError("Cannot specify '" + spec.grouping + "' with '" + spec.type + "'.");
        }
        PyLimits.checkString(Math.max(spec.width, 0));
        return spec;
    }
}
