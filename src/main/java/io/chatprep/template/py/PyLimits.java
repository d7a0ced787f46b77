package io.chatprep.template.py;

/**
 * Size cap for strings and lists built while rendering. A template can multiply a string or pad it to any
 * width, so every operation that grows a value asks here first, before allocating. The cap is per thread
 * because one render runs on one thread and different renders may need different caps.
 */
public final class PyLimits {
    /** Default cap: 10 million characters (code points or UTF-16 units, whichever is checked) or list items. */
    public static final long DEFAULT_MAX_SIZE = 10_000_000L;

    private static final ThreadLocal<long[]> MAX = ThreadLocal.withInitial(() -> new long[] {DEFAULT_MAX_SIZE});

    private PyLimits() {
    }

    /** Sets this thread's cap; returns the previous one so callers can restore it. */
    public static long setMaxSize(long maxSize) {
        if (maxSize <= 0) {
            throw new IllegalArgumentException("maximum size must be positive, got " + maxSize);
        }
        long[] holder = MAX.get();
        long previous = holder[0];
        holder[0] = maxSize;
        return previous;
    }

    public static long maxSize() {
        return MAX.get()[0];
    }

    /** Throws LimitError when a string of {@code length} characters would exceed the cap. */
    public static void checkString(long length) {
        long max = MAX.get()[0];
        if (length > max || length < 0) {
            throw new PyException("LimitError", "string length limit of " + max + " characters exceeded");
        }
    }

    /** Throws LimitError when a list of {@code size} items would exceed the cap. */
    public static void checkList(long size) {
        long max = MAX.get()[0];
        if (size > max || size < 0) {
            throw new PyException("LimitError", "list length limit of " + max + " items exceeded");
        }
    }

    /** Checks {@code count * unit} without overflowing. */
    public static void checkString(long count, long unit) {
        if (count > 0 && unit > 0 && count > Long.MAX_VALUE / unit) {
            checkString(-1);
        }
        checkString(count * unit);
    }
}
