package io.chatprep.template;

import io.chatprep.template.runtime.Limits;
import java.io.Serializable;
import java.time.Duration;

/**
 * Caps that keep an untrusted template from exhausting the machine. Every breach aborts the render with a
 * {@link TemplateException} of kind {@code LIMIT} whose message names the limit; the row's other renders and the
 * rest of the job go on.
 *
 * @param maxOutputChars    characters one render may produce (also caps any intermediate buffer)
 * @param maxLoopIterations loop iterations over the whole render, all loops together
 * @param maxStringChars    size of any one string or list built while rendering
 * @param maxMacroDepth     nested macro calls (recursion depth)
 * @param maxRangeItems     items one {@code range()} call may produce (Jinja2's sandbox allows 100,000)
 * @param timeBudget        wall-clock time one render may take, checked inside long builtins too (sort, join,
 *                          map, select, repr, tojson, list repetition)
 * @param maxMemoryBytes    estimated memory the strings, lists and output one render holds at any moment may
 *                          take (see {@code runtime.MemoryMeter} for the accounting)
 */
public record RenderLimits(long maxOutputChars, long maxLoopIterations, long maxStringChars, int maxMacroDepth,
        long maxRangeItems, Duration timeBudget, long maxMemoryBytes) implements Limits, Serializable {

    /** 256 MB: far above what a chat template needs (its output is capped at 8 M characters, 16 MB). */
    public static final long DEFAULT_MAX_MEMORY_BYTES = 256L << 20;

    public static final RenderLimits DEFAULT = new RenderLimits(
            8_000_000L, 1_000_000L, 8_000_000L, 100, 100_000L, Duration.ofSeconds(10), DEFAULT_MAX_MEMORY_BYTES);

    public RenderLimits {
        if (maxOutputChars <= 0 || maxLoopIterations <= 0 || maxStringChars <= 0 || maxMacroDepth <= 0
                || maxRangeItems <= 0 || timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()
                || maxMemoryBytes <= 0) {
            throw new IllegalArgumentException("render limits must all be positive");
        }
    }

    public RenderLimits withMaxOutputChars(long v) {
        return new RenderLimits(v, maxLoopIterations, maxStringChars, maxMacroDepth, maxRangeItems, timeBudget,
                maxMemoryBytes);
    }

    public RenderLimits withMaxLoopIterations(long v) {
        return new RenderLimits(maxOutputChars, v, maxStringChars, maxMacroDepth, maxRangeItems, timeBudget,
                maxMemoryBytes);
    }

    public RenderLimits withMaxStringChars(long v) {
        return new RenderLimits(maxOutputChars, maxLoopIterations, v, maxMacroDepth, maxRangeItems, timeBudget,
                maxMemoryBytes);
    }

    public RenderLimits withMaxMacroDepth(int v) {
        return new RenderLimits(maxOutputChars, maxLoopIterations, maxStringChars, v, maxRangeItems, timeBudget,
                maxMemoryBytes);
    }

    public RenderLimits withMaxRangeItems(long v) {
        return new RenderLimits(maxOutputChars, maxLoopIterations, maxStringChars, maxMacroDepth, v, timeBudget,
                maxMemoryBytes);
    }

    public RenderLimits withTimeBudget(Duration v) {
        return new RenderLimits(maxOutputChars, maxLoopIterations, maxStringChars, maxMacroDepth, maxRangeItems, v,
                maxMemoryBytes);
    }

    public RenderLimits withMaxMemoryBytes(long v) {
        return new RenderLimits(maxOutputChars, maxLoopIterations, maxStringChars, maxMacroDepth, maxRangeItems,
                timeBudget, v);
    }
}
