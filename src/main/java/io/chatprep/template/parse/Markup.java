package io.chatprep.template.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A template's block structure, which the engine compiles: text, print statements, and statement tags holding the
 * markup up to their end tag. A block parser builds it (the Jinjava adapter, {@code jinjava.JinjavaBlocks}); print
 * statements and tags point into the tokens the engine's {@link Lexer} made of the template, so nothing is lexed
 * twice.
 */
public sealed interface Markup {
    /** Text written out as it is: whitespace control has been applied. */
    record Text(String text) implements Markup {
    }

    /** A print statement: {@code tokens.get(begin)} is its {@code VAR_BEGIN}. */
    record Print(List<Token> tokens, int begin) implements Markup {
        /** A parser over the expression, in Jinja2's soft frame or not (see {@link Parser#setSoft}). */
        public Parser parser(boolean soft) {
            return Parser.printStatement(tokens, begin, soft);
        }

        /** The expression as the template wrote it. */
        public String text() {
            return tokens.get(begin).value();
        }
    }

    /** A statement tag: {@code tokens.get(begin)} is its {@code BLOCK_BEGIN}, the token after it its name. */
    final class Tag implements Markup {
        private final String name;
        private final List<Token> tokens;
        private final int begin;
        private final Tag parent;
        private final List<Markup> children = new ArrayList<>();

        /** {@code parent}: the tag this one is nested in, null at the template's top level. */
        public Tag(String name, List<Token> tokens, int begin, Tag parent) {
            this.name = name;
            this.tokens = tokens;
            this.begin = begin;
            this.parent = parent;
        }

        public String name() {
            return name;
        }

        public Tag parent() {
            return parent;
        }

        /** Appends the next piece of markup between this tag and its end tag. */
        public void add(Markup child) {
            children.add(child);
        }

        public List<Markup> children() {
            return Collections.unmodifiableList(children);
        }

        /** The template line the tag starts on. */
        public int line() {
            return tokens.get(begin).line();
        }

        /** The tag's name and header as the template wrote them. */
        public String text() {
            return tokens.get(begin).value();
        }

        /** A parser positioned after the tag's name; the tag parses its header up to the block end. */
        public Parser header() {
            return Parser.tagHeader(tokens, begin);
        }
    }
}
