package io.chatprep.report;

/** One distinct quarantine reason with how often it occurred and the first such row (by source position). */
public record QuarantineReason(String stage, String reason, long rows, String sampleId, String sampleRaw) {
}
