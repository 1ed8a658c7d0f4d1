package cloud.dangjian.benchmarks;

import java.util.List;

/**
 * One row of the summary table.
 *
 * @param phase
 *            what was measured
 * @param volume
 *            how much work: rows imported or requests made
 * @param seconds
 *            the measured wall-clock time
 * @param throughput
 *            the formatted rate
 * @param latencies
 *            per-request latencies, or null for a phase timed as a whole
 * @param errors
 *            wrong answers; any makes the run fail
 * @param notes
 *            findings worth a line under the table
 */
record PhaseResult(String phase, String volume, double seconds, String throughput, Percentiles latencies, long errors,
        List<String> notes) {
}
