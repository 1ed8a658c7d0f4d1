package cloud.dangjian.benchmarks;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;

/** Prints the results as a Markdown section ready to paste into docs/benchmarks.md. */
final class MarkdownSummary {

    private static final String NONE = "–";

    private MarkdownSummary() {
    }

    static void print(PrintStream out, BenchmarkOptions options, DataSet data, List<PhaseResult> results) {
        out.println();
        out.printf("### %s: %s members, %s organisations, %s tenants%n", LocalDate.now(),
                Format.count(options.members()), Format.count(options.organisations()),
                Format.count(options.tenants()));
        out.println();
        // The harness runs on the platform's host (loopback), so its view of the machine is the platform's.
        out.printf(
                "Host: %d processors, %s %s; harness on Java %s. Load phases: %d clients, %d s warm-up, %d s "
                        + "measured. Files: organisations.csv %s, members.csv %s.%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), options.concurrency(),
                Benchmark.WARM_UP.toSeconds(), options.seconds(), Format.size(data.organisationBytes()),
                Format.size(data.memberBytes()));
        out.println();
        out.println("| Phase | Volume | Time | Throughput | p50 | p90 | p99 | Max | Errors |");
        out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (PhaseResult r : results) {
            Percentiles l = r.latencies();
            out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.phase(), r.volume(),
                    Format.seconds(r.seconds()), r.throughput(), l == null ? NONE : Format.millis(l.at(50)),
                    l == null ? NONE : Format.millis(l.at(90)), l == null ? NONE : Format.millis(l.at(99)),
                    l == null ? NONE : Format.millis(l.max()), Format.count(r.errors()));
        }
        List<String> notes = results.stream().flatMap(r -> r.notes().stream()).toList();
        if (!notes.isEmpty()) {
            out.println();
            notes.forEach(note -> out.println("- " + note));
        }
    }
}
