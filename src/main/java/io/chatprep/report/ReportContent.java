package io.chatprep.report;

import java.util.List;

/** What the page shows besides the manifest's own numbers. */
record ReportContent(boolean packed, Histogram lengths, Histogram trainedShare, List<SourceTokens> sources,
                     List<QuarantineReason> quarantine, List<SampleRow> samples, String samplesUnavailable) {
}
