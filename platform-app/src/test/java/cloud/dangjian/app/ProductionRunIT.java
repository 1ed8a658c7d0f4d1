package cloud.dangjian.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.dangjian.core.database.EmbeddedDatabase;
import cloud.dangjian.core.storage.embedded.EmbeddedObjectStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application configured only by environment, as the Helm chart runs it: migrated first by
 * {@code migrate}, then started without the migration role, with JSON logs and a shutdown delay. Checks that the log
 * lines are JSON carrying the request id, that probes and metrics answer, and that on SIGTERM readiness turns DOWN
 * while requests are still served, before the process ends.
 */
class ProductionRunIT {

    private static final Path JAR = Path
            .of(System.getProperty("dangjian.app.jar", "target/quarkus-app/quarkus-run.jar"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path work;

    static EmbeddedDatabase database;
    /** Stands in for MinIO as an external S3 server, as the chart's production path has one. */
    static EmbeddedObjectStore objectStore;

    @BeforeAll
    static void startExternalServices() throws IOException {
        database = EmbeddedDatabase.start(work.resolve("postgres"), freePort());
        objectStore = EmbeddedObjectStore.start(work.resolve("s3"), freePort(), "it-access-key", "it-secret-key-0123");
    }

    @AfterAll
    static void stopExternalServices() {
        if (objectStore != null) {
            objectStore.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void shouldServeWithJsonLogsProbesAndMetricsAndDrainOnSigterm() throws Exception {
        Map<String, String> config = database.quarkusConfig();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", config.get("quarkus.datasource.jdbc.url"));
        env.put("QUARKUS_DATASOURCE_MIGRATION_USERNAME", EmbeddedDatabase.OWNER_ROLE);
        env.put("QUARKUS_DATASOURCE_MIGRATION_PASSWORD", config.get("quarkus.datasource.migration.password"));
        Process migrate = start(List.of("migrate"), env, work.resolve("migrate.log"));
        assertTrue(migrate.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, migrate.exitValue(), Files.readString(work.resolve("migrate.log")));

        int port = freePort();
        env.clear();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", config.get("quarkus.datasource.jdbc.url"));
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.APP_ROLE);
        env.put("QUARKUS_DATASOURCE_PASSWORD", config.get("quarkus.datasource.password"));
        env.put("QUARKUS_FLYWAY_MIGRATION_MIGRATE_AT_START", "false");
        env.put("DANGJIAN_SECURITY_ID_CARD_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        // No Keycloak here: nothing listens at the realm URL, so every token is refused and logged.
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:" + freePort() + "/realms/dangjian");
        env.put("DANGJIAN_HEALTH_KEYCLOAK_ENABLED", "false");
        env.put("DANGJIAN_WEB_CLIENT_SECRET", "it-web-client-secret");
        env.put("DANGJIAN_STORAGE_ENDPOINT", objectStore.endpoint());
        env.put("DANGJIAN_STORAGE_ACCESS_KEY", "it-access-key");
        env.put("DANGJIAN_STORAGE_SECRET_KEY", "it-secret-key-0123");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        env.put("QUARKUS_SHUTDOWN_DELAY", "3S");
        env.put("QUARKUS_SHUTDOWN_TIMEOUT", "5S");
        Path log = work.resolve("platform.log");
        Process platform = start(List.of(), env, log);
        try {
            String base = "http://127.0.0.1:" + port;
            awaitStatus(base + "/q/health/started", 200, Duration.ofSeconds(90), platform, log);
            assertEquals(200, get(base + "/q/health/live", Map.of()).statusCode());
            HttpResponse<String> ready = get(base + "/q/health/ready", Map.of());
            assertEquals(200, ready.statusCode(), ready.body());
            assertFalse(ready.body().contains("\"migration\""), ready.body());

            HttpResponse<String> refused = get(base + "/api/t/zjg-shagang-steel/members",
                    Map.of("Authorization", "Bearer not-a-token", "X-Request-Id", "it-request-0001"));
            // Refused either way (no realm to verify against); what matters here is what the logs say about it.
            assertTrue(refused.statusCode() >= 400, () -> refused.body() + "\n" + read(log));
            assertEquals(Optional.of("it-request-0001"), refused.headers().firstValue("X-Request-Id"));
            JsonNode line = awaitLogLine(log, "\"requestId\":\"it-request-0001\"");
            assertEquals("it-request-0001", line.path("mdc").path("requestId").asText(), line.toString());
            assertEquals("dangjian-platform", line.path("service").asText());

            String metrics = get(base + "/q/metrics", Map.of()).body();
            assertTrue(metrics.contains("http_server_requests_seconds_count"), "HTTP metrics exported");
            assertFalse(metrics.contains("zjg-shagang-steel"), "no raw URL in metric tags");

            long signalled = System.nanoTime();
            platform.destroy();
            // During the shutdown delay readiness is DOWN but requests are still answered.
            HttpResponse<String> draining = awaitStatus(base + "/q/health/ready", 503, Duration.ofSeconds(2), platform,
                    log);
            assertTrue(draining.body().contains("DOWN"), draining.body());
            assertEquals(200, get(base + "/q/health/live", Map.of()).statusCode(), "still serving while draining");
            assertTrue(platform.waitFor(30, TimeUnit.SECONDS), "the platform stops after delay and timeout");
            long tookMillis = (System.nanoTime() - signalled) / 1_000_000;
            assertTrue(tookMillis >= 2_500, "it waited for the shutdown delay before stopping: " + tookMillis + " ms");
        } finally {
            platform.destroyForcibly();
        }
        for (String text : Files.readAllLines(log)) {
            if (text.startsWith("{")) {
                JSON.readTree(text);
            } else if (!text.isBlank() && !text.startsWith("WARNING")) {
                throw new AssertionError("a log line that is not JSON: " + text);
            }
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Process start(List<String> arguments, Map<String, String> env, Path output) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar",
                        JAR.toAbsolutePath().toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("DANGJIAN_"));
        builder.environment().put("DANGJIAN_DATA_DIR", work.resolve("data").toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static HttpResponse<String> awaitStatus(String url, int status, Duration within, Process process, Path log)
            throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get(url, Map.of());
                if (last.statusCode() == status) {
                    return last;
                }
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(url + " did not answer " + status + " (last: "
                + (last == null ? "nothing" : last.statusCode() + " " + last.body()) + ")\n" + Files.readString(log));
    }

    private static JsonNode awaitLogLine(Path log, String message) throws Exception {
        for (int i = 0; i < 50; i++) {
            for (String text : Files.readAllLines(log)) {
                if (text.startsWith("{") && text.contains(message)) {
                    return JSON.readTree(text);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no JSON log line with " + message + ":\n" + Files.readString(log));
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
