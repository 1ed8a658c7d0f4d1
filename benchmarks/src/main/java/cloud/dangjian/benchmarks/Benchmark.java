package cloud.dangjian.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Runs the phases in order (generate, provision, import, search, page) and prints their summary. */
final class Benchmark {

    /** Thrown away at the start of each load phase, so the JIT and caches of both sides are warm. */
    static final Duration WARM_UP = Duration.ofSeconds(5);

    private final BenchmarkOptions options;
    private final PrintStream out;
    private final PlatformClient client;

    Benchmark(BenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.client = new PlatformClient(options.url());
    }

    /** The exit status: 0 if every phase was free of errors, 1 otherwise. */
    int run() throws IOException, InterruptedException {
        out.printf("Dangjian Cloud benchmark against %s%n", client.base());
        if (!client.isReady()) {
            throw new BenchmarkFailure("the platform at " + client.base() + " is not ready (GET /q/health/ready)");
        }
        Path directory = Files.createTempDirectory("dangjian-bench-");
        boolean keepFiles = true;
        try {
            DataSet data = generate(directory);
            new Provisioning(client, out).provision(data);
            List<PhaseResult> results = new ArrayList<>(new ImportPhase(client, out).run(data));
            results.add(search(data));
            results.add(paging(data));
            MarkdownSummary.print(out, options, data, results);
            long errors = results.stream().mapToLong(PhaseResult::errors).sum();
            keepFiles = errors > 0;
            return errors == 0 ? 0 : 1;
        } finally {
            // Kept after a failure, to look at the rows the platform refused or answered wrongly about.
            if (keepFiles) {
                out.println("Data files kept in " + directory);
            } else {
                deleteDirectory(directory);
            }
        }
    }

    private DataSet generate(Path directory) throws IOException {
        long start = System.nanoTime();
        DataSet data = new DataSetGenerator(options.members(), options.organisations(), options.tenants())
                .write(directory);
        out.printf("Generated in %s (seed %d) into %s:%n", Format.seconds((System.nanoTime() - start) / 1e9),
                DataSetGenerator.SEED, directory);
        out.printf("  organisations.csv  %s rows  %s%n", Format.count(data.organisationRows()),
                Format.size(data.organisationBytes()));
        out.printf("  members.csv        %s rows  %s%n", Format.count(data.memberRows()),
                Format.size(data.memberBytes()));
        return data;
    }

    private PhaseResult search(DataSet data) throws InterruptedException {
        List<SearchWorkload> clients = clients(
                i -> new SearchWorkload(client, TenantLayout.BIG_TENANT, data.bigTenantNames(), seed(i)));
        LoadResult result = load("search", "Name-prefix search", clients);
        return phase("Name-prefix search (size 50)", result, List.of());
    }

    private PhaseResult paging(DataSet data) throws InterruptedException {
        List<PagingWorkload> clients = clients(
                i -> new PagingWorkload(client, TenantLayout.BIG_TENANT, data.bigTenantNames(), seed(1_000 + i)));
        LoadResult result = load("paging", "Keyset paging", clients);
        String walks = PagingWorkload.summary(clients);
        out.println("  " + walks);
        return phase("Keyset paging (size 50)", result, List.of(walks));
    }

    private <T extends Workload> List<T> clients(IntFunction<T> client) {
        return IntStream.range(0, options.concurrency()).mapToObj(client).toList();
    }

    /** Each client draws its own deterministic sequence of prefixes. */
    private static long seed(int client) {
        return DataSetGenerator.SEED + 1 + client;
    }

    private LoadResult load(String name, String title, List<? extends Workload> clients) throws InterruptedException {
        out.printf("%s: %d clients, %d s warm-up, then %d s measured …%n", title, clients.size(), WARM_UP.toSeconds(),
                options.seconds());
        LoadResult result = new LoadTest(WARM_UP, Duration.ofSeconds(options.seconds())).run(name, clients);
        Percentiles l = result.latencies();
        out.printf("  %s requests in %s = %s; p50 %s, p90 %s, p99 %s, max %s; errors %s%n",
                Format.count(result.requests()), Format.seconds(result.seconds()),
                Format.rate(result.requestsPerSecond(), "req"), Format.millis(l.at(50)), Format.millis(l.at(90)),
                Format.millis(l.at(99)), Format.millis(l.max()), Format.count(result.errors()));
        result.errorSamples().forEach(sample -> out.println("  error: " + sample));
        return result;
    }

    private static PhaseResult phase(String title, LoadResult result, List<String> notes) {
        List<String> all = new ArrayList<>(notes);
        if (result.errors() > 0) {
            all.add(title + " failed " + Format.count(result.errors()) + " requests, first: "
                    + result.errorSamples().get(0));
        }
        return new PhaseResult(title, Format.count(result.requests()) + " requests", result.seconds(),
                Format.rate(result.requestsPerSecond(), "req"), result.latencies(), result.errors(), all);
    }

    private static void deleteDirectory(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(file);
            }
        }
    }
}
