package cloud.dangjian.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.dangjian.core.database.EmbeddedDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application run as the Helm chart's migration Job runs it: {@code java -jar quarkus-run.jar migrate}
 * with the external database in the environment. It must migrate as the migration role, open no port, start no
 * Keycloak, write nothing to its data folder, and report failure by its exit code.
 */
class MigrateCommandIT {

    private static final Path JAR = Path
            .of(System.getProperty("dangjian.app.jar", "target/quarkus-app/quarkus-run.jar"));

    @TempDir
    static Path work;

    static EmbeddedDatabase database;
    static Map<String, String> config;

    @BeforeAll
    static void startDatabase() throws IOException {
        database = EmbeddedDatabase.start(work.resolve("postgres"), freePort());
        config = database.quarkusConfig();
    }

    @AfterAll
    static void stopDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void shouldMigrateAsTheMigrationRoleThenExitAndChangeNothingTheSecondTime() throws Exception {
        Path dataDirectory = work.resolve("data");
        Result first = migrate(Map.of("QUARKUS_DATASOURCE_MIGRATION_USERNAME", EmbeddedDatabase.OWNER_ROLE,
                "DANGJIAN_DATA_DIR", dataDirectory.toString()));
        assertEquals(0, first.exitCode, first.output);
        List<String> versions = appliedMigrations();
        assertTrue(versions.containsAll(List.of("1", "2", "3", "4")), versions.toString());
        assertEquals(EmbeddedDatabase.OWNER_ROLE, owner("tenants"));
        assertFalse(Files.exists(dataDirectory), "migrate writes no data folder (no embedded database, no key)");
        assertFalse(first.output.contains("Listening on"), "migrate opens no port:\n" + first.output);

        Result second = migrate(Map.of("QUARKUS_DATASOURCE_MIGRATION_USERNAME", EmbeddedDatabase.OWNER_ROLE));
        assertEquals(0, second.exitCode, second.output);
        assertEquals(versions, appliedMigrations());
    }

    @Test
    void shouldFailWhenTheMigrationRoleCannotMigrate() throws Exception {
        // The application role owns nothing: it may not write the schema history, so the Job must fail.
        Result result = migrate(Map.of("QUARKUS_DATASOURCE_MIGRATION_USERNAME", EmbeddedDatabase.APP_ROLE,
                "QUARKUS_DATASOURCE_MIGRATION_PASSWORD", config.get("quarkus.datasource.password")));
        assertNotEquals(0, result.exitCode, result.output);
    }

    @Test
    void shouldRefuseToMigrateWithoutAnExternalDatabase() throws Exception {
        Result result = run(List.of("migrate"), Map.of());
        assertEquals(2, result.exitCode, result.output);
        assertTrue(result.output.contains("QUARKUS_DATASOURCE_JDBC_URL"), result.output);
    }

    private Result migrate(Map<String, String> overrides) throws Exception {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", config.get("quarkus.datasource.jdbc.url"));
        env.put("QUARKUS_DATASOURCE_USERNAME", config.get("quarkus.datasource.username"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", config.get("quarkus.datasource.password"));
        env.put("QUARKUS_DATASOURCE_MIGRATION_PASSWORD", config.get("quarkus.datasource.migration.password"));
        env.put("DANGJIAN_DATA_DIR", work.resolve("unused").toString());
        env.putAll(overrides);
        return run(List.of("migrate"), env);
    }

    private static Result run(List<String> arguments, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                        JAR.toAbsolutePath().toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("DANGJIAN_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("migrate did not exit:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    private static List<String> appliedMigrations() throws Exception {
        try (Connection connection = owner();
                ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            List<String> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            return versions;
        }
    }

    private static String owner(String table) throws Exception {
        try (Connection connection = owner();
                ResultSet row = connection.createStatement()
                        .executeQuery("SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = '"
                                + table + "'")) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static Connection owner() throws Exception {
        return DriverManager.getConnection(config.get("quarkus.datasource.migration.jdbc.url"),
                config.get("quarkus.datasource.migration.username"),
                config.get("quarkus.datasource.migration.password"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Result(int exitCode, String output) {
    }
}
