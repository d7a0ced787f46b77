package io.chatprep.report;

import java.util.List;

/** A written row shown as text, cut into runs of tokens that are all trained or all untrained. */
public record SampleRow(String id, int numTokens, int numTrainedTokens, List<Segment> segments) {
    public record Segment(String text, boolean trained, int tokens) {
    }
}
