package io.chatprep.report;

import io.chatprep.tokenize.HfTokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns written token ids back into text cut at every change between trained and untrained tokens. Each run's
 * text is the difference between the decoded prefixes ending at its two edges, so byte-level tokens that split
 * one character decode as they do in context; where the prefix decoding is not a prefix of the longer one
 * (a character split exactly at the edge) the run is decoded on its own.
 */
final class SampleHighlighter {
    static final int IGNORED = -100;

    private final HfTokenizer tokenizer;

    SampleHighlighter(HfTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    SampleRow highlight(ReportAggregates.SampleInput input) {
        int[] ids = input.inputIds();
        int[] labels = input.labels();
        List<SampleRow.Segment> segments = new ArrayList<>();
        String before = "";
        int start = 0;
        int trainedTokens = 0;
        for (int t = 0; t <= ids.length; t++) {
            boolean edge = t == ids.length || (t > start && trained(labels, t) != trained(labels, start));
            if (!edge) {
                continue;
            }
            if (t > start) {
                String upTo = tokenizer.decode(java.util.Arrays.copyOf(ids, t));
                String text = upTo.startsWith(before) ? upTo.substring(before.length())
                        : tokenizer.decode(java.util.Arrays.copyOfRange(ids, start, t));
                boolean trained = trained(labels, start);
                segments.add(new SampleRow.Segment(text, trained, t - start));
                if (trained) {
                    trainedTokens += t - start;
                }
                before = upTo;
            }
            start = t;
        }
        return new SampleRow(input.id(), ids.length, trainedTokens, segments);
    }

    private static boolean trained(int[] labels, int t) {
        return labels[t] != IGNORED;
    }
}
