package cloud.dangjian.benchmarks;

/**
 * The command-line entry point of the benchmark harness: parses the options, runs the benchmark against a running
 * platform and exits 0 if every phase was free of errors, 1 if not, 2 on a bad command line.
 */
public final class BenchmarkLauncher {

    private BenchmarkLauncher() {
    }

    public static void main(String[] args) {
        if (BenchmarkOptions.wantsHelp(args)) {
            System.out.println(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        int status;
        try {
            status = new Benchmark(options, System.out).run();
        } catch (BenchmarkFailure e) {
            System.out.flush();
            System.err.println("BENCHMARK FAILED: " + e.getMessage());
            if (e.getCause() != null) {
                e.getCause().printStackTrace();
            }
            status = 1;
        } catch (Exception e) {
            System.out.flush();
            System.err.println("BENCHMARK FAILED: " + e);
            e.printStackTrace();
            status = 1;
        }
        // Explicit exit: the HTTP client's threads must not keep the JVM up, and the script needs the status.
        System.exit(status);
    }
}
