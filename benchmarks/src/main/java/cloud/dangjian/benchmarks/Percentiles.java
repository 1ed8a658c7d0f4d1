package cloud.dangjian.benchmarks;

import java.util.Arrays;

/** Exact percentiles of a set of latencies by the nearest-rank method, which reports only latencies that occurred. */
final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** Sorts a copy, so the caller's array is left as it is. */
    static Percentiles of(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted);
    }

    int count() {
        return sorted.length;
    }

    /**
     * The smallest value that at least {@code percentile} percent of the values are less than or equal to: the value of
     * rank ⌈p/100 × n⌉. Zero when there are no values, so an empty phase prints rather than fails.
     */
    long at(double percentile) {
        if (percentile <= 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
        }
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }
}
