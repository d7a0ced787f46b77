package io.chatprep.vision;

/**
 * Qwen2-VL's {@code smart_resize} with Python's arithmetic: true division in doubles, {@code round} to the nearest
 * even integer on ties (42 / 28 = 1.5 rounds to 2, 70 / 28 = 2.5 also to 2), {@code math.floor} and
 * {@code math.ceil}. Returns {@code {height, width}}, both multiples of {@code factor}.
 */
final class SmartResize {
    private SmartResize() {
    }

    static int[] resize(int height, int width, int factor, double minPixels, double maxPixels) throws ImageException {
        double ratio = (double) Math.max(height, width) / Math.min(height, width);
        if (ratio > 200) {
            throw new ImageException("its aspect ratio is " + python(ratio) + ", and the processor's smart_resize "
                    + "refuses more than 200 (absolute aspect ratio must be smaller than 200)");
        }
        long hBar = (long) Math.rint((double) height / factor) * factor;
        long wBar = (long) Math.rint((double) width / factor) * factor;
        if ((double) (hBar * wBar) > maxPixels) {
            double beta = Math.sqrt(((double) height * width) / maxPixels);
            hBar = Math.max(factor, (long) Math.floor(height / beta / factor) * factor);
            wBar = Math.max(factor, (long) Math.floor(width / beta / factor) * factor);
        } else if ((double) (hBar * wBar) < minPixels) {
            double beta = Math.sqrt(minPixels / ((double) height * width));
            hBar = (long) Math.ceil(height * beta / factor) * factor;
            wBar = (long) Math.ceil(width * beta / factor) * factor;
        }
        return new int[] {(int) hBar, (int) wBar};
    }

    /** A ratio as Python prints a float (201.0, 200.5). */
    private static String python(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e16 ? (long) value + ".0" : Double.toString(value);
    }
}
