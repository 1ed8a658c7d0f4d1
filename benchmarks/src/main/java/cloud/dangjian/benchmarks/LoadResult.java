package cloud.dangjian.benchmarks;

import java.util.List;

/**
 * What the measured part of a load phase saw, warm-up excluded.
 *
 * @param requests
 *            requests started in the measured window
 * @param errors
 *            those that failed
 * @param seconds
 *            from the end of the warm-up until the last request finished
 * @param latencies
 *            the latency of every measured request, failed ones included
 * @param errorSamples
 *            the first few failures, to say what went wrong
 */
record LoadResult(long requests, long errors, double seconds, Percentiles latencies, List<String> errorSamples) {

    double requestsPerSecond() {
        return seconds <= 0 ? 0 : requests / seconds;
    }
}
