package cloud.dangjian.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoadTestTest {

    @Test
    void measuresOnlyAfterTheWarmUpAndCountsFailures() throws InterruptedException {
        AtomicLong calls = new AtomicLong();
        // Every fourth call fails; each takes about a millisecond.
        Workload flaky = () -> {
            Thread.sleep(1);
            if (calls.incrementAndGet() % 4 == 0) {
                throw new RequestFailed("GET /x → 500");
            }
        };
        LoadResult result = new LoadTest(Duration.ofMillis(100), Duration.ofMillis(300)).run("test",
                List.of(flaky, flaky));
        assertTrue(result.requests() > 20 && result.requests() < calls.get(), result.requests() + " of " + calls);
        assertTrue(result.errors() > 0 && result.errors() < result.requests());
        assertEquals(result.requests(), result.latencies().count());
        assertTrue(result.latencies().at(50) >= 1_000_000, "latency includes the sleep");
        assertTrue(result.seconds() >= 0.3 && result.seconds() < 2, "seconds " + result.seconds());
        assertEquals("GET /x → 500", result.errorSamples().get(0));
        assertTrue(result.errorSamples().size() <= 5);
    }
}
