package io.chatprep.template.runtime;

import java.time.Duration;

/**
 * The caps one render enforces, as the engine reads them; the public {@code RenderLimits} record, which says what
 * each one bounds, implements this.
 */
public interface Limits {
    long maxOutputChars();

    long maxLoopIterations();

    long maxStringChars();

    int maxMacroDepth();

    long maxRangeItems();

    Duration timeBudget();

    long maxMemoryBytes();
}
