package io.chatprep.job.tasks;

import io.chatprep.job.config.MaxLengthPolicy;

import java.io.Serializable;

/** {@code max_length} and what to do beyond it; a null length means no limit. */
public record LengthLimit(Integer maxLength, MaxLengthPolicy policy) implements Serializable {
    public boolean exceeded(int numTokens) {
        return maxLength != null && numTokens > maxLength;
    }
}
