package cloud.dangjian.app;

import cloud.dangjian.core.database.EmbeddedDatabase;
import cloud.dangjian.core.database.EmbeddedDefaults;
import cloud.dangjian.core.identity.keycloak.EmbeddedKeycloak;
import cloud.dangjian.core.storage.embedded.EmbeddedObjectStore;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Starts Dangjian Cloud. Before Quarkus boots it applies the embedded defaults (PostgreSQL, Keycloak, an S3 server, a
 * local key, the demo region) unless the environment points at external services; when the JVM stops it stops what it
 * started. With the argument {@code migrate} it only migrates the database as the migration role and exits: the Helm
 * chart's pre-install and pre-upgrade Job, so that the application's nodes never hold the schema owner's credentials.
 */
@QuarkusMain
public final class DangjianApplication {

    private static final String REALM_FILE = "tenant-config/keycloak/dangjian-realm.json";

    /** The argument that runs the Flyway migrations and exits. */
    static final String MIGRATE = "migrate";

    private DangjianApplication() {
    }

    public static void main(String... args) {
        if (args.length > 0 && MIGRATE.equals(args[0])) {
            migrate(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Path dataDirectory = Path.of(env("DANGJIAN_DATA_DIR", ".dangjian"));
        int postgresPort = Integer.parseInt(env("DANGJIAN_EMBEDDED_POSTGRES_PORT", "5532"));
        Optional<EmbeddedDatabase> database = EmbeddedDefaults.apply(dataDirectory, postgresPort);
        int storagePort = Integer.parseInt(env("DANGJIAN_EMBEDDED_STORAGE_PORT", "9100"));
        Optional<EmbeddedObjectStore> storage = EmbeddedDefaults.applyStorage(dataDirectory, storagePort);
        Optional<EmbeddedKeycloak> keycloak = startKeycloakUnlessConfigured(dataDirectory);
        if (database.isPresent()) {
            if (System.getenv("QUARKUS_HTTP_HOST") == null) {
                // The embedded default is for one machine: nothing of it listens beyond loopback.
                System.setProperty("quarkus.http.host", "127.0.0.1");
            }
            if (!"false".equals(System.getenv("DANGJIAN_DEMO"))) {
                System.setProperty("dangjian.demo.enabled", "true");
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            keycloak.ifPresent(EmbeddedKeycloak::close);
            storage.ifPresent(EmbeddedObjectStore::close);
            database.ifPresent(EmbeddedDatabase::close);
        }, "embedded-services-stop"));
        keycloak.ifPresent(DangjianApplication::printSignInHelp);
        storage.ifPresent(store -> System.out.printf("Object storage (S3)  : %s   (embedded s3proxy, files in %s)%n%n",
                store.endpoint(), dataDirectory.resolve("storage").toAbsolutePath()));
        Quarkus.run(args);
    }

    /**
     * Runs Quarkus only as far as its initialisation tasks (the Flyway migrations on the migration datasource) and
     * exits; no start-up observer runs and no port is opened. Needs the external database: there is no embedded default
     * to migrate.
     */
    private static void migrate(String... args) {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
            System.err.println("migrate needs QUARKUS_DATASOURCE_JDBC_URL and the migration role "
                    + "(QUARKUS_DATASOURCE_MIGRATION_USERNAME, _PASSWORD); the embedded default migrates at start");
            System.exit(2);
        }
        System.setProperty("quarkus.init-and-exit", "true");
        System.setProperty("quarkus.flyway.migration.migrate-at-start", "true");
        // Signing in plays no part in migrating: do not reach out to Keycloak, nor need its URL.
        System.setProperty("quarkus.oidc.tenant-enabled", "false");
        System.setProperty("quarkus.oidc.web.tenant-enabled", "false");
        System.setProperty("dangjian.web.client-secret", "migration-signs-nobody-in");
        if (System.getenv("DANGJIAN_SECURITY_ID_CARD_KEY") == null) {
            // Nothing is encrypted while migrating, so the Job is not given the data key; the required setting
            // is satisfied with a value that is never used.
            System.setProperty("dangjian.security.id-card-key", "bWlncmF0aW9uLWhhcy1uby1kYXRhLWtleS0tLS0tLS0=");
        }
        Quarkus.run(args);
    }

    /** With no QUARKUS_OIDC_AUTH_SERVER_URL, a real Keycloak from the Maven Central distribution, realm imported. */
    private static Optional<EmbeddedKeycloak> startKeycloakUnlessConfigured(Path dataDirectory) {
        if (System.getenv("QUARKUS_OIDC_AUTH_SERVER_URL") != null) {
            return Optional.empty();
        }
        int port = Integer.parseInt(env("DANGJIAN_EMBEDDED_KEYCLOAK_PORT", "8180"));
        try (InputStream realm = DangjianApplication.class.getClassLoader().getResourceAsStream(REALM_FILE)) {
            if (realm == null) {
                throw new IllegalStateException(REALM_FILE + " is not on the classpath");
            }
            EmbeddedKeycloak keycloak = EmbeddedKeycloak.start(dataDirectory.resolve("keycloak"), port, port + 1000,
                    realm);
            System.setProperty("quarkus.oidc.auth-server-url", keycloak.realmUrl());
            if (System.getenv("DANGJIAN_WEB_CLIENT_SECRET") == null) {
                System.setProperty("dangjian.web.client-secret", EmbeddedKeycloak.DEMO_CLIENT_SECRET);
            }
            if (System.getenv("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL") == null) {
                System.setProperty("quarkus.keycloak.admin-client.server-url", keycloak.serverUrl());
            }
            if (System.getenv("DANGJIAN_IDENTITY_PLATFORM_ADMINS") == null) {
                System.setProperty("dangjian.identity.platform-admins", "platform-admin");
            }
            return Optional.of(keycloak);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printSignInHelp(EmbeddedKeycloak keycloak) {
        System.out.printf(
                """

                        Keycloak (realm %s) : %s   (master admin: admin / admin on http://127.0.0.1:%d)
                        Platform            : http://127.0.0.1:8080   API docs: http://127.0.0.1:8080/q/swagger-ui
                        Demo users (password demo): platform-admin, region-admin, tenant-admin, branch-secretary, member, masses
                        A token:
                          curl -s -d grant_type=password -d client_id=dangjian-cli -d username=platform-admin -d password=demo \\
                            %s/protocol/openid-connect/token

                        """,
                EmbeddedKeycloak.REALM, keycloak.realmUrl(), keycloak.port(), keycloak.realmUrl());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
