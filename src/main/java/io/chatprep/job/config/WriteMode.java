package io.chatprep.job.config;

/** What to do when the output directory already exists. */
public enum WriteMode {
    ERROR_IF_EXISTS,
    OVERWRITE;

    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
