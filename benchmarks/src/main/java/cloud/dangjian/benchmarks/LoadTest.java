package cloud.dangjian.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a closed-loop load phase: one thread per client, each sending its next request as soon as the last one answered,
 * for a warm-up that is thrown away and then a measured window, recording every request's latency.
 */
final class LoadTest {

    /** Failures kept verbatim; the rest are only counted. */
    private static final int ERROR_SAMPLES = 5;

    private final Duration warmUp;
    private final Duration measured;

    LoadTest(Duration warmUp, Duration measured) {
        this.warmUp = warmUp;
        this.measured = measured;
    }

    private record WorkerResult(LatencyLog latencies, long errors) {
    }

    /** Runs {@code workloads.size()} clients, one per workload, and waits for all of them. */
    LoadResult run(String name, List<? extends Workload> workloads) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long measureUntil = measureFrom + measured.toNanos();
        Queue<String> samples = new ConcurrentLinkedQueue<>();
        AtomicInteger sampled = new AtomicInteger();
        // Platform threads: with as many threads as clients there is nothing to gain from virtual ones, and the
        // scheduler stays out of the measurement.
        ExecutorService pool = Executors.newFixedThreadPool(workloads.size(),
                Thread.ofPlatform().name("bench-" + name + "-", 1).factory());
        try {
            List<Callable<WorkerResult>> workers = new ArrayList<>();
            for (Workload workload : workloads) {
                workers.add(() -> drive(workload, measureFrom, measureUntil, samples, sampled));
            }
            List<LatencyLog> logs = new ArrayList<>();
            long errors = 0;
            for (Future<WorkerResult> future : pool.invokeAll(workers)) {
                WorkerResult result = future.get();
                logs.add(result.latencies());
                errors += result.errors();
            }
            double seconds = (System.nanoTime() - measureFrom) / 1e9;
            Percentiles latencies = Percentiles.of(LatencyLog.merge(logs));
            return new LoadResult(latencies.count(), errors, seconds, latencies, List.copyOf(samples));
        } catch (ExecutionException e) {
            throw new BenchmarkFailure("a " + name + " client crashed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client's loop: bounded by the clock, never by the platform's answers. */
    private static WorkerResult drive(Workload workload, long measureFrom, long measureUntil, Queue<String> samples,
            AtomicInteger sampled) throws InterruptedException {
        LatencyLog log = new LatencyLog();
        long errors = 0;
        while (true) {
            long sent = System.nanoTime();
            if (sent - measureUntil >= 0) {
                return new WorkerResult(log, errors);
            }
            String failure = null;
            try {
                workload.call();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failure = e instanceof RequestFailed ? e.getMessage() : e.toString();
            }
            long answered = System.nanoTime();
            // Only requests sent after the warm-up count, so JIT compilation and cold caches are not measured.
            if (sent - measureFrom >= 0) {
                log.add(answered - sent);
                if (failure != null) {
                    errors++;
                    if (sampled.getAndIncrement() < ERROR_SAMPLES) {
                        samples.add(failure);
                    }
                }
            }
        }
    }
}
