package io.chatprep.report;

/** One distinct quarantine reason with how often it occurred and the first such row (by source position). */
public record QuarantineReason(String stage, String reason, long rows, String sampleId, String sampleRaw) {
    /** Characters of a rejected row the report shows. */
    public static final int RAW_PREVIEW_CHARS = 600;
}
