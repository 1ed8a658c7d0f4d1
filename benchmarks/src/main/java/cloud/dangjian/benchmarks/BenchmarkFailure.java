package cloud.dangjian.benchmarks;

/** A failure that makes the rest of the run meaningless, such as a refused import; it ends the run with status 1. */
final class BenchmarkFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BenchmarkFailure(String message) {
        super(message);
    }

    BenchmarkFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
