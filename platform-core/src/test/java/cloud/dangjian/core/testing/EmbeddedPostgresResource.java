package cloud.dangjian.core.testing;

import cloud.dangjian.core.database.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Starts a real embedded PostgreSQL, once per test run, in a throw-away folder. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;
    private Path dataDirectory;

    @Override
    public Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("dangjian-test-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = EmbeddedDatabase.start(dataDirectory.resolve("data"), 0);
        Map<String, String> config = new HashMap<>(database.quarkusConfig());
        // Small enough that the pool hands the same connections to consecutive tests, so leaks would show.
        config.put("quarkus.datasource.jdbc.max-size", "8");
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
        if (dataDirectory != null) {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A leftover temp folder is harmless.
            }
        }
    }
}
