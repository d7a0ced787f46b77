package io.chatprep.cli;

import io.chatprep.encode.EncodedConversation;

/**
 * Shows a rendered conversation with its trained tokens marked, as ANSI colour, plain {@code [[ ]]} markers or
 * HTML. Tokens are walked in order and each character is shown once, with the first token that reaches it:
 * when one character is split over several byte-level tokens, its marking is that of the first of them. A run of
 * image tokens is shown once with its length ({@code <|image_pad|>×391}), so the text around images stays readable.
 */
final class TokenView {
    enum Style { ANSI, PLAIN, HTML }

    private static final String GREEN = "\u001b[42;30m";
    private static final String GREEN_ALT = "\u001b[102;30m";
    private static final String GREY_ALT = "\u001b[100m";
    private static final String RESET = "\u001b[0m";

    private final Style style;
    private final boolean boundaries;

    TokenView(Style style, boolean boundaries) {
        this.style = style;
        this.boundaries = boundaries;
    }

    String render(EncodedConversation conversation) {
        String text = conversation.text();
        int[] offsets = conversation.encoding().offsets();
        int[] ids = conversation.encoding().ids();
        byte[] mask = conversation.mask();
        StringBuilder out = new StringBuilder(text.length() * 2);
        int shown = 0; // code points written so far
        int shownUnits = 0; // the same position in UTF-16 units
        boolean inTrained = false;
        for (int t = 0; t < ids.length; t++) {
            int start = Math.max(offsets[2 * t], shown);
            int end = offsets[2 * t + 1];
            if (start > shown) {
                // Characters no token covers are shown unmarked.
                inTrained = closeTrained(out, inTrained);
                int units = text.offsetByCodePoints(shownUnits, start - shown);
                append(out, text.substring(shownUnits, units));
                shown = start;
                shownUnits = units;
            }
            if (end <= shown) {
                continue;
            }
            int units = text.offsetByCodePoints(shownUnits, end - shown);
            String piece = text.substring(shownUnits, units);
            boolean trained = mask[t] == 1;
            int run = imageRun(conversation, t);
            if (run > 1) {
                // the run's text is the image token repeated: show it once, with the count
                int runEnd = Math.max(end, offsets[2 * (t + run - 1) + 1]);
                units = text.offsetByCodePoints(shownUnits, runEnd - shown);
                end = runEnd;
                piece = piece + "\u00d7" + run;
                t += run - 1;
            }
            switch (style) {
                case PLAIN -> {
                    if (trained != inTrained) {
                        out.append(trained ? "[[" : "]]");
                        inTrained = trained;
                    } else if (boundaries) {
                        out.append('|');
                    }
                    out.append(piece);
                }
                case ANSI -> {
                    String colour = trained ? (boundaries && t % 2 == 1 ? GREEN_ALT : GREEN)
                            : (boundaries && t % 2 == 1 ? GREY_ALT : "");
                    out.append(colour).append(piece).append(colour.isEmpty() ? "" : RESET);
                }
                case HTML -> {
                    out.append("<span class=\"").append(trained ? "t" : "u").append(boundaries ? " b" : "")
                            .append("\" title=\"#").append(t).append(" id ").append(ids[t]).append("\">");
                    append(out, piece);
                    out.append("</span>");
                }
            }
            shown = end;
            shownUnits = units;
        }
        inTrained = closeTrained(out, inTrained);
        append(out, text.substring(shownUnits));
        return out.toString();
    }

    /** How many image tokens start at token {@code t} (0 when it is not one). */
    private static int imageRun(EncodedConversation conversation, int t) {
        int id = conversation.imageTokenId();
        int[] ids = conversation.encoding().ids();
        int n = 0;
        while (id >= 0 && t + n < ids.length && ids[t + n] == id) {
            n++;
        }
        return n;
    }

    private boolean closeTrained(StringBuilder out, boolean inTrained) {
        if (inTrained && style == Style.PLAIN) {
            out.append("]]");
        }
        return false;
    }

    private void append(StringBuilder out, String piece) {
        if (style != Style.HTML) {
            out.append(piece);
            return;
        }
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }

    static String htmlPage(String title, String body) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
        page.append(title.replace("&", "&amp;").replace("<", "&lt;"));
        page.append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:1.5em}\n")
                .append("pre{white-space:pre-wrap;word-break:break-all;background:#fafafa;padding:.8em;border:1px solid #ddd}\n")
                .append(".t{background:#b7f0b1}\n")
                .append(".b{border-left:1px solid #999}\n")
                .append(".rejected{color:#a00}\n")
                .append("</style></head><body>\n")
                .append(body)
                .append("</body></html>\n");
        return page.toString();
    }
}
