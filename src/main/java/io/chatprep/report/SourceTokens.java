package io.chatprep.report;

/** Rows and tokens of one source group, split into trained and untrained. */
public record SourceTokens(String source, long rows, long trained, long untrained) {
}
