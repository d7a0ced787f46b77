package io.chatprep.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Inline SVG charts. Each bar carries its numbers as {@code data-*} attributes and a tooltip, so the page can
 * be checked by a program as well as read.
 */
final class BarChart {
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 260;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;

    private BarChart() {
    }

    /**
     * A histogram with one bar per bin; {@code marker}, when not null, draws a labelled vertical line at that
     * value (the length limit).
     */
    static String histogram(String id, Histogram h, DoubleFunction<String> edgeLabel, String unit, Double marker,
                            String markerLabel) {
        int bins = h.counts().length;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double barW = plotW / bins;
        long max = Math.max(1, h.max());
        StringBuilder s = open(id, WIDTH, HEIGHT);
        axes(s, plotW, plotH, max);
        for (int i = 0; i < bins; i++) {
            long c = h.counts()[i];
            // A bin with a few rows next to one with hundreds would vanish; keep it visible.
            double bh = c == 0 ? 0 : Math.max(2, plotH * c / max);
            double x = LEFT + i * barW;
            s.append("<rect class=\"bar\" data-bin=\"").append(i).append("\" data-lo=\"").append(h.lower(i))
                    .append("\" data-hi=\"").append(h.upper(i)).append("\" data-count=\"").append(c)
                    .append("\" x=\"").append(Html.num(x + 1)).append("\" y=\"").append(Html.num(TOP + plotH - bh))
                    .append("\" width=\"").append(Html.num(Math.max(1, barW - 2))).append("\" height=\"")
                    .append(Html.num(bh)).append("\"><title>").append(edgeLabel.apply(h.lower(i))).append(" – ")
                    .append(edgeLabel.apply(h.upper(i))).append(' ').append(unit).append(": ")
                    .append(Html.count(c)).append(" rows</title></rect>\n");
        }
        int every = (int) Histogram.niceWidth(bins, 10);
        for (int i = 0; i <= bins; i += every) {
            s.append("<text class=\"tick\" x=\"").append(Html.num(LEFT + i * barW)).append("\" y=\"")
                    .append(TOP + plotH + 16).append("\" text-anchor=\"middle\">")
                    .append(edgeLabel.apply(h.lower(i))).append("</text>\n");
        }
        s.append("<text class=\"axis-label\" x=\"").append(LEFT + plotW / 2).append("\" y=\"").append(HEIGHT - 4)
                .append("\" text-anchor=\"middle\">").append(Html.escape(unit)).append("</text>\n");
        if (marker != null) {
            double top = h.upper(bins - 1);
            double x = LEFT + plotW * Math.min(1.0, marker / top);
            s.append("<line class=\"limit\" x1=\"").append(Html.num(x)).append("\" x2=\"").append(Html.num(x))
                    .append("\" y1=\"").append(TOP - 4).append("\" y2=\"").append(TOP + plotH)
                    .append("\"/>\n<text class=\"limit-label\" x=\"").append(Html.num(x - 4)).append("\" y=\"")
                    .append(TOP + 8).append("\" text-anchor=\"end\">").append(Html.escape(markerLabel))
                    .append("</text>\n");
        }
        return s.append("</svg>\n").toString();
    }

    /** One horizontal bar per source: trained tokens then untrained ones, scaled to the largest total. */
    static String stacked(String id, List<SourceTokens> sources) {
        int rowH = 26;
        int labelW = 260;
        int height = TOP + rowH * sources.size() + 30;
        double plotW = WIDTH - labelW - 150;
        long max = 1;
        for (SourceTokens src : sources) {
            max = Math.max(max, src.trained() + src.untrained());
        }
        StringBuilder s = open(id, WIDTH, height);
        for (int i = 0; i < sources.size(); i++) {
            SourceTokens src = sources.get(i);
            double y = TOP + i * rowH;
            double tw = plotW * src.trained() / max;
            double uw = plotW * src.untrained() / max;
            long total = src.trained() + src.untrained();
            s.append("<g class=\"source\" data-source=\"").append(Html.escape(src.source())).append("\" data-trained=\"")
                    .append(src.trained()).append("\" data-untrained=\"").append(src.untrained()).append("\">\n");
            s.append("<text class=\"tick\" x=\"").append(labelW - 8).append("\" y=\"").append(Html.num(y + 16))
                    .append("\" text-anchor=\"end\">").append(Html.escape(shorten(src.source(), 38))).append("</text>\n");
            s.append("<rect class=\"trained\" x=\"").append(labelW).append("\" y=\"").append(Html.num(y + 3))
                    .append("\" width=\"").append(Html.num(tw)).append("\" height=\"").append(rowH - 6)
                    .append("\"><title>trained: ").append(Html.count(src.trained())).append(" tokens</title></rect>\n");
            s.append("<rect class=\"untrained\" x=\"").append(Html.num(labelW + tw)).append("\" y=\"")
                    .append(Html.num(y + 3)).append("\" width=\"").append(Html.num(uw)).append("\" height=\"")
                    .append(rowH - 6).append("\"><title>untrained: ").append(Html.count(src.untrained()))
                    .append(" tokens</title></rect>\n");
            s.append("<text class=\"tick\" x=\"").append(Html.num(labelW + tw + uw + 6)).append("\" y=\"")
                    .append(Html.num(y + 16)).append("\">").append(Html.count(total)).append(" (")
                    .append(total == 0 ? "0.0%" : Html.percent((double) src.trained() / total)).append(" trained)")
                    .append("</text>\n</g>\n");
        }
        double ly = TOP + rowH * sources.size() + 12;
        s.append("<rect class=\"trained\" x=\"").append(labelW).append("\" y=\"").append(Html.num(ly))
                .append("\" width=\"12\" height=\"12\"/><text class=\"tick\" x=\"").append(labelW + 18)
                .append("\" y=\"").append(Html.num(ly + 11)).append("\">trained</text>\n");
        s.append("<rect class=\"untrained\" x=\"").append(labelW + 90).append("\" y=\"").append(Html.num(ly))
                .append("\" width=\"12\" height=\"12\"/><text class=\"tick\" x=\"").append(labelW + 108)
                .append("\" y=\"").append(Html.num(ly + 11)).append("\">untrained</text>\n");
        return s.append("</svg>\n").toString();
    }

    private static StringBuilder open(String id, int w, int h) {
        return new StringBuilder().append("<svg id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" ")
                .append("viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\">\n");
    }

    private static void axes(StringBuilder s, double plotW, double plotH, long max) {
        s.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(Html.num(LEFT + plotW))
                .append("\" y1=\"").append(Html.num(TOP + plotH)).append("\" y2=\"").append(Html.num(TOP + plotH))
                .append("\"/>\n");
        s.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"")
                .append(TOP).append("\" y2=\"").append(Html.num(TOP + plotH)).append("\"/>\n");
        s.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + 4)
                .append("\" text-anchor=\"end\">").append(Html.count(max)).append("</text>\n");
        s.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(Html.num(TOP + plotH))
                .append("\" text-anchor=\"end\">0</text>\n");
        s.append("<text class=\"axis-label\" transform=\"rotate(-90)\" x=\"").append(Html.num(-(TOP + plotH / 2)))
                .append("\" y=\"14\" text-anchor=\"middle\">rows</text>\n");
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
