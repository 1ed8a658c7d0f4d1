package cloud.dangjian.core.identity.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.logging.Logger;

/**
 * A real Keycloak server run as a child process from the Maven Central distribution
 * ({@code org.keycloak:keycloak-quarkus-dist}, cached in the local Maven repository by the build), in development mode
 * on loopback with the platform's realm imported. For the embedded default and the test suite; production points at an
 * external Keycloak instead.
 */
public final class EmbeddedKeycloak implements AutoCloseable {

    /** Keep in step with {@code keycloak.version} in the root pom, which makes Maven download the zip. */
    public static final String VERSION = "26.7.3";
    public static final String REALM = "dangjian";
    /** The platform client's secret in the demo realm (tenant-config/keycloak); production sets its own. */
    public static final String DEMO_CLIENT_SECRET = "dangjian-platform-demo-secret";
    private static final Logger LOG = Logger.getLogger(EmbeddedKeycloak.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Process process;
    private final int port;

    private EmbeddedKeycloak(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Unpacks the distribution into {@code home} if needed, imports the realm and starts the server, returning once the
     * realm answers.
     *
     * @param home
     *            where the distribution is unpacked (its H2 database lives inside, so data survives restarts)
     * @param port
     *            the HTTP port on 127.0.0.1
     * @param realm
     *            the realm JSON to import when the realm does not exist yet
     */
    public static EmbeddedKeycloak start(Path home, int port, int managementPort, InputStream realm) {
        try {
            Path installation = unpack(home);
            Path imports = Files.createDirectories(installation.resolve("data/import"));
            Files.copy(realm, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder(installation.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-host=127.0.0.1", "--import-realm",
                    "--http-management-port=" + (port + 1000), "--log-level=warn").redirectErrorStream(true)
                            .redirectOutput(home.resolve("keycloak.log").toFile());
            builder.environment().put("JAVA_HOME", javaHome());
            // Capped: on a 2-core, shared machine Keycloak must not take the memory the platform needs.
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m -XX:MaxMetaspaceSize=256m");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            long started = System.nanoTime();
            EmbeddedKeycloak keycloak = new EmbeddedKeycloak(builder.start(), port);
            keycloak.awaitRealm(home.resolve("keycloak.log"));
            LOG.infof("Keycloak %s answers on %s after %d s", VERSION, keycloak.realmUrl(),
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak in " + home, e);
        }
    }

    /** Forgets every realm, so the next start imports the realm file afresh (tests want a known realm). */
    public static void forgetRealms(Path home) throws IOException {
        Path database = home.resolve("keycloak-" + VERSION).resolve("data/h2");
        if (Files.exists(database)) {
            try (var files = Files.walk(database)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The issuer URL of the platform's realm. */
    public String realmUrl() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    /** The server's base URL, for the Keycloak Admin Client. */
    public String serverUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private void awaitRealm(Path log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException("Keycloak did not answer within " + START_TIMEOUT + "; see " + log);
    }

    private static Path unpack(Path home) throws IOException {
        Path installation = home.resolve("keycloak-" + VERSION);
        Path marker = installation.resolve(".unpacked");
        if (Files.exists(marker)) {
            return installation;
        }
        Path zip = distribution();
        LOG.infof("Unpacking Keycloak %s from %s", VERSION, zip);
        Files.createDirectories(home);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                // The zip's top folder is keycloak-<version>/, the same name as ours.
                Path target = home.resolve(entry.getName()).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("Refusing a zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (entry.getName().endsWith(".sh")) {
                        Files.setPosixFilePermissions(target, Set.of(PosixFilePermission.OWNER_READ,
                                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
                    }
                }
            }
        }
        Files.createFile(marker);
        return installation;
    }

    /** The zip in the local Maven repository, where the build's dependency on it put it. */
    private static Path distribution() {
        String repository = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path zip = Path.of(repository, "org", "keycloak", "keycloak-quarkus-dist", VERSION,
                "keycloak-quarkus-dist-" + VERSION + ".zip");
        if (!Files.exists(zip)) {
            throw new IllegalStateException("The Keycloak distribution is not in the local Maven repository (" + zip
                    + "); build the project with ./dangjian run or ./mvnw install first");
        }
        return zip;
    }

    /** Keycloak needs Java 21+: the platform already runs on one, so hand over its own. */
    private static String javaHome() {
        return ProcessHandle.current().info().command().map(Path::of).map(java -> java.getParent().getParent())
                .map(Path::toString).orElse(System.getProperty("java.home"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        // kc.sh starts a JVM of its own; stop the whole tree.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(20),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
