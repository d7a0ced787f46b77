package io.chatprep.job.input;

/**
 * A Parquet string annotated as JSON, not yet decoded: quarantine records keep the text as stored, the template gets
 * the value it holds ({@link ParquetValues#decodeJson}).
 */
public record JsonText(String text) {
}
