package io.chatprep.template.parse;

/** One lexer token; {@code line} is the 1-based template line it starts on. */
public record Token(Kind kind, String value, int line) {
    public enum Kind { DATA, VAR_BEGIN, VAR_END, BLOCK_BEGIN, BLOCK_END, NAME, STRING, INTEGER, FLOAT, OPERATOR, EOF }

    public boolean is(Kind k, String v) {
        return kind == k && value.equals(v);
    }

    public boolean isName(String v) {
        return kind == Kind.NAME && value.equals(v);
    }

    public boolean isOp(String v) {
        return kind == Kind.OPERATOR && value.equals(v);
    }

    public String describe() {
        return switch (kind) {
            case EOF -> "end of template";
            case VAR_END -> "end of print statement";
            case BLOCK_END -> "end of statement block";
            case DATA -> "template data";
            default -> "'" + value + "'";
        };
    }
}
