package io.chatprep.template.parse;

import io.chatprep.template.parse.Token.Kind;
import java.util.List;

/**
 * The tokens of one statement (a print statement or a tag, from its begin token to its end token) as a parser walks
 * them: past the end token it sees {@code EOF}.
 */
abstract class TokenStream {
    private final List<Token> tokens;
    /** The index of the statement's end token; past it the stream shows {@link #eof}. */
    private final int last;
    private final Token eof;
    private int pos;

    /** The statement whose begin token is {@code tokens.get(begin)}, positioned on that token. */
    TokenStream(List<Token> tokens, int begin) {
        this.tokens = tokens;
        int end = begin + 1;
        while (tokens.get(end).kind() != Kind.VAR_END && tokens.get(end).kind() != Kind.BLOCK_END) {
            end++;
        }
        this.last = end;
        this.eof = new Token(Kind.EOF, "", tokens.get(end).line());
        this.pos = begin;
    }

    /** Where the stream is, to tell which of two expressions starts first. */
    int position() {
        return pos;
    }

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

    public TemplateSyntaxException fail(String message) {
        return new TemplateSyntaxException(message, current().line());
    }
}
