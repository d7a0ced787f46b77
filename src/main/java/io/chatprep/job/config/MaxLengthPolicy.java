package io.chatprep.job.config;

import java.util.Locale;

/** What happens to a row longer than {@code max_length}. */
public enum MaxLengthPolicy {
    /** Leave it out of the output and count it as filtered. */
    DROP,
    /** Keep its first {@code max_length} tokens, as TRL's truncation does. */
    TRUNCATE,
    /** Write it whole. */
    KEEP;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
