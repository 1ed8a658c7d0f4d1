package cloud.dangjian.benchmarks;

import java.util.Locale;

/** Formats numbers the same way in progress lines and in the summary table, independent of the machine's locale. */
final class Format {

    private Format() {
    }

    /** 200000 → "200,000". */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Seconds with two decimals: "12.34 s". */
    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    /** A rate rounded to whole units: "2,717 rows/s". */
    static String rate(double perSecond, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s/s", perSecond, unit);
    }

    /** Nanoseconds as milliseconds with two decimals, since loopback latencies are often under a millisecond. */
    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    /** A file size in KiB or MiB. */
    static String size(long bytes) {
        return bytes < 1 << 20 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
