package cloud.dangjian.app;

import cloud.dangjian.core.database.EmbeddedDatabase;
import cloud.dangjian.core.database.EmbeddedDefaults;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts Dangjian Cloud. Before Quarkus boots it applies the embedded defaults (PostgreSQL, a local key, the demo
 * region) unless the environment points at external services; after Quarkus stops it stops what it started.
 */
@QuarkusMain
public final class DangjianApplication {

    private DangjianApplication() {
    }

    public static void main(String... args) {
        Path dataDirectory = Path.of(env("DANGJIAN_DATA_DIR", ".dangjian"));
        int port = Integer.parseInt(env("DANGJIAN_EMBEDDED_POSTGRES_PORT", "5532"));
        Optional<EmbeddedDatabase> database = EmbeddedDefaults.apply(dataDirectory, port);
        if (database.isPresent()) {
            // Until identity lands the API is open: on the embedded default, listen on loopback only.
            if (System.getenv("QUARKUS_HTTP_HOST") == null) {
                System.setProperty("quarkus.http.host", "127.0.0.1");
            }
            if (!"false".equals(System.getenv("DANGJIAN_DEMO"))) {
                System.setProperty("dangjian.demo.enabled", "true");
            }
        }
        Runtime.getRuntime().addShutdownHook(
                new Thread(() -> database.ifPresent(EmbeddedDatabase::close), "embedded-postgres-stop"));
        Quarkus.run(args);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
