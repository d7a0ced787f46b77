package io.chatprep.template.py;

import java.util.List;
import java.util.Map;

/**
 * What bounds the work of the value layer, per thread (one render runs on one thread, and different renders may
 * need different limits):
 * <ul>
 *   <li>a size cap for strings and lists: a template can multiply a string or pad it to any width, so every
 *       operation that grows a value asks here first, before allocating;</li>
 *   <li>a {@link Meter} the render installs: long loops (sorting, joining, mapping, comparing, printing large
 *       containers) tick its clock through a {@link Clock}, so a render's time budget holds inside one builtin,
 *       and operations that build many new values at once ({@code map}) report what they hold so far.</li>
 * </ul>
 * Outside a render the meter does nothing.
 */
public final class PyLimits {
    /** Default cap: 10 million characters (code points or UTF-16 units, whichever is checked) or list items. */
    public static final long DEFAULT_MAX_SIZE = 10_000_000L;

    /** The render's side of the limits: its clock and its memory account. */
    public interface Meter {
        /** Raises the render's LimitError when its time is up. */
        void checkTime();

        /** New values of about {@code bytes} (see {@link #sizeOf}) that an operation holds until it returns. */
        void hold(long bytes);
    }

    private static final Meter NONE = new Meter() {
        @Override
        public void checkTime() {
        }

        @Override
        public void hold(long bytes) {
        }
    };

    /** Ticks of one thread's work; every {@value #TICKS_PER_CHECK}th looks at the render's clock. */
    public static final class Clock {
        static final int TICKS_PER_CHECK = 1024;
        private long maxSize = DEFAULT_MAX_SIZE;
        private Meter meter = NONE;
        private int ticks;

        public void tick() {
            if (++ticks >= TICKS_PER_CHECK) {
                ticks = 0;
                meter.checkTime();
            }
        }
    }

    private static final ThreadLocal<Clock> STATE = ThreadLocal.withInitial(Clock::new);

    private PyLimits() {
    }

    /** This thread's clock, for a loop to tick once per item. */
    public static Clock clock() {
        return STATE.get();
    }

    /** One unit of work outside a loop that holds a {@link Clock}. */
    public static void tick() {
        STATE.get().tick();
    }

    /** Installs the meter of the render starting on this thread; returns the previous one to restore. */
    public static Meter setMeter(Meter meter) {
        Clock c = STATE.get();
        Meter previous = c.meter;
        c.meter = meter == null ? NONE : meter;
        c.ticks = 0;
        return previous;
    }

    /** Reports new values an operation holds at once (see {@link Meter#hold}). */
    public static void hold(long bytes) {
        STATE.get().meter.hold(bytes);
    }

    /**
     * The estimate the memory account uses: 2 bytes per character (Java's UTF-16), 8 per list item and 16 per
     * dict entry (a reference, or two); a value nested inside a list or dict is counted where it was built.
     */
    public static long sizeOf(Object value) {
        if (value instanceof String s) {
            return 2L * s.length();
        }
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return 0;
        }
        if (value instanceof List<?> l) {
            return 8L * l.size();
        }
        if (value instanceof Map<?, ?> m) {
            return 16L * m.size();
        }
        return 0;
    }

    /** Sets this thread's cap; returns the previous one so callers can restore it. */
    public static long setMaxSize(long maxSize) {
        if (maxSize <= 0) {
            throw new IllegalArgumentException("maximum size must be positive, got " + maxSize);
        }
        Clock c = STATE.get();
        long previous = c.maxSize;
        c.maxSize = maxSize;
        return previous;
    }

    public static long maxSize() {
        return STATE.get().maxSize;
    }

    /** Throws LimitError when a string of {@code length} characters would exceed the cap. */
    public static void checkString(long length) {
        long max = STATE.get().maxSize;
        if (length > max || length < 0) {
            throw new PyException("LimitError", "string length limit of " + max + " characters exceeded");
        }
    }

    /** Throws LimitError when a list of {@code size} items would exceed the cap. */
    public static void checkList(long size) {
        long max = STATE.get().maxSize;
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
