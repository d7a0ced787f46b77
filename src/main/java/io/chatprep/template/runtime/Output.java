package io.chatprep.template.runtime;

import io.chatprep.template.py.PyTypes;

/** A buffer one template body writes into, counting code points as Python's {@code len} does. */
public final class Output {
    private final StringBuilder text = new StringBuilder();
    private final RenderContext ctx;
    private long codePoints;

    public Output(RenderContext ctx) {
        this.ctx = ctx;
    }

    public void write(String s) {
        if (s.isEmpty()) {
            return;
        }
        if (text.length() + (long) s.length() > ctx.limits().maxOutputChars()) {
            throw ctx.limitError("output size limit of " + ctx.limits().maxOutputChars() + " characters exceeded");
        }
        text.append(s);
        codePoints += PyTypes.codePointLength(s);
        ctx.memory().charge(2L * s.length());
        ctx.checkClock();
    }

    int length() {
        return text.length();
    }

    public long codePoints() {
        return codePoints;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
