package cloud.dangjian.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * Every latency one client thread measured, in nanoseconds. A plain growable array, owned by one thread, so recording
 * costs no lock and no allocation on the hot path; exact percentiles come from sorting them all at the end.
 */
final class LatencyLog {

    private long[] values = new long[1 << 14];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    /** All the latencies of {@code logs} in one array, for {@link Percentiles}. */
    static long[] merge(List<LatencyLog> logs) {
        long[] all = new long[logs.stream().mapToInt(LatencyLog::size).sum()];
        int at = 0;
        for (LatencyLog log : logs) {
            System.arraycopy(log.values, 0, all, at, log.size);
            at += log.size;
        }
        return all;
    }
}
