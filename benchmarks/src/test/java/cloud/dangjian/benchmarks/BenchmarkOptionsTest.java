package cloud.dangjian.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void defaultsMatchTheDocumentedRun() {
        assertEquals(new BenchmarkOptions(URI.create("http://localhost:8080"), 200_000, 5_000, 40, 20, 16),
                BenchmarkOptions.parse());
    }

    @Test
    void takesBothOptionForms() {
        BenchmarkOptions options = BenchmarkOptions.parse("--url", "http://127.0.0.1:9090/", "--members=1000",
                "--organisations", "100", "--tenants=3", "--seconds", "2", "--concurrency=4");
        assertEquals(new BenchmarkOptions(URI.create("http://127.0.0.1:9090/"), 1_000, 100, 3, 2, 4), options);
    }

    @Test
    void refusesWhatCannotRun() {
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse("--members", "0"));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse("--members", "lots"));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse("--seconds"));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse("--speed", "1"));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse("--url", "localhost:8080"));
        assertThrows(IllegalArgumentException.class,
                () -> BenchmarkOptions.parse("--tenants", "40", "--organisations", "79"));
    }

    @Test
    void recognisesHelp() {
        assertTrue(BenchmarkOptions.wantsHelp(new String[] { "--members", "5", "--help" }));
    }

    @Test
    void searchPathsEncodeTheirParameters() {
        assertEquals("/api/t/bench-big/members?size=50&name=%E7%8E%8B&after=a%2Bb%3D",
                PlatformClient.membersPath("bench-big", "王", "a+b=", 50));
        assertEquals("/api/t/bench-big/members?size=50", PlatformClient.membersPath("bench-big", null, null, 50));
    }
}
