package io.chatprep.report;

import java.util.List;

/**
 * Row counts in equal-width bins starting at zero. Bin {@code i} holds values in
 * {@code [i * width, (i + 1) * width)}; empty bins are kept so a chart shows gaps where they are.
 */
public record Histogram(double width, long[] counts) {
    public long total() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    public long max() {
        long m = 0;
        for (long c : counts) {
            m = Math.max(m, c);
        }
        return m;
    }

    public double lower(int bin) {
        return bin * width;
    }

    public double upper(int bin) {
        return (bin + 1) * width;
    }

    /** Bins from (bin index, count) pairs as a groupBy returns them; indices past the end join the last bin. */
    static Histogram of(double width, int bins, List<long[]> indexCounts) {
        long[] counts = new long[bins];
        for (long[] ic : indexCounts) {
            int i = (int) Math.max(0, Math.min(bins - 1, ic[0]));
            counts[i] += ic[1];
        }
        return new Histogram(width, counts);
    }

    /**
     * A round bin width (1, 2 or 5 times a power of ten) giving at most {@code maxBins} bins up to {@code upper},
     * so bin edges read as plain numbers on the axis.
     */
    static long niceWidth(long upper, int maxBins) {
        long raw = Math.max(1, (upper + maxBins - 1) / maxBins);
        long power = 1;
        while (true) {
            for (long step : new long[] {1, 2, 5}) {
                if (step * power >= raw) {
                    return step * power;
                }
            }
            power *= 10;
        }
    }
}
