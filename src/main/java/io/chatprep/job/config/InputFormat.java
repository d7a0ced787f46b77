package io.chatprep.job.config;

/** How input files are stored; {@code AUTO} decides per path from its extension. */
public enum InputFormat {
    AUTO,
    JSONL,
    PARQUET;

    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
