package cloud.dangjian.core.database;

import cloud.dangjian.core.storage.embedded.EmbeddedObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What the platform needs when it runs on its embedded defaults: with no external datasource configured, an embedded
 * PostgreSQL on a data folder that survives restarts, and a locally generated ID card key kept beside it; with no
 * storage endpoint configured, an embedded S3 server on a folder beside them. Applied as system properties before
 * Quarkus starts, so an environment variable always wins.
 */
public final class EmbeddedDefaults {

    private static final Logger LOG = Logger.getLogger(EmbeddedDefaults.class);
    private static final String DATASOURCE_URL_ENV = "QUARKUS_DATASOURCE_JDBC_URL";
    private static final String DATASOURCE_URL_PROPERTY = "quarkus.datasource.jdbc.url";
    private static final String ID_CARD_KEY_ENV = "DANGJIAN_SECURITY_ID_CARD_KEY";
    private static final String ID_CARD_KEY_PROPERTY = "dangjian.security.id-card-key";
    private static final String STORAGE_ENDPOINT_ENV = "DANGJIAN_STORAGE_ENDPOINT";
    private static final String STORAGE_ENDPOINT_PROPERTY = "dangjian.storage.endpoint";
    private static final String STORAGE_ACCESS_KEY = "dangjian";

    private EmbeddedDefaults() {
    }

    /**
     * Starts embedded PostgreSQL if no datasource is configured, and returns it so the caller can stop it.
     *
     * @param dataDirectory
     *            the folder for the database and the generated key
     * @param port
     *            the port embedded PostgreSQL listens on
     */
    public static Optional<EmbeddedDatabase> apply(Path dataDirectory, int port) {
        ensureIdCardKey(dataDirectory);
        if (isSet(DATASOURCE_URL_ENV, DATASOURCE_URL_PROPERTY)) {
            LOG.info("Using the external PostgreSQL configured by " + DATASOURCE_URL_ENV);
            return Optional.empty();
        }
        Path postgresData = dataDirectory.resolve("postgres");
        LOG.infof("No datasource configured: starting embedded PostgreSQL in %s on port %d", postgresData, port);
        EmbeddedDatabase database = EmbeddedDatabase.start(postgresData, port);
        database.quarkusConfig().forEach(System::setProperty);
        return Optional.of(database);
    }

    /**
     * Starts the embedded S3 server (s3proxy on {@code <data>/storage}, loopback only) if no storage endpoint is
     * configured, and returns it so the caller can stop it. Its secret key is generated once and kept in
     * {@code <data>/secrets}.
     *
     * @param dataDirectory
     *            the folder for the objects and the generated secret
     * @param port
     *            the port the embedded S3 server listens on
     */
    public static Optional<EmbeddedObjectStore> applyStorage(Path dataDirectory, int port) {
        if (isSet(STORAGE_ENDPOINT_ENV, STORAGE_ENDPOINT_PROPERTY)) {
            LOG.info("Using the external object storage configured by " + STORAGE_ENDPOINT_ENV);
            return Optional.empty();
        }
        Path storageData = dataDirectory.resolve("storage");
        String secretKey = generatedSecret(dataDirectory.resolve("secrets").resolve("storage-secret.key"),
                "the embedded S3 server's secret key");
        LOG.infof("No storage endpoint configured: starting the embedded S3 server in %s on 127.0.0.1:%d", storageData,
                port);
        if (!isEmbedded()) {
            // An external database but local files is a deployment that forgot its object store.
            LOG.warnf("The database is external but %s is not set: files go to the local folder %s",
                    STORAGE_ENDPOINT_ENV, storageData.toAbsolutePath());
        }
        EmbeddedObjectStore store = EmbeddedObjectStore.start(storageData, port, STORAGE_ACCESS_KEY, secretKey);
        store.quarkusConfig().forEach(System::setProperty);
        return Optional.of(store);
    }

    /** Whether this run uses the embedded database (and so may load the demo region). */
    public static boolean isEmbedded() {
        return !isSet(DATASOURCE_URL_ENV, null);
    }

    private static void ensureIdCardKey(Path dataDirectory) {
        if (isSet(ID_CARD_KEY_ENV, ID_CARD_KEY_PROPERTY)) {
            return;
        }
        System.setProperty(ID_CARD_KEY_PROPERTY,
                generatedSecret(dataDirectory.resolve("secrets").resolve("id-card.key"), "an ID card encryption key"));
    }

    /** 32 random bytes, base64, generated into {@code keyFile} (owner-only) on first use and read back after. */
    private static String generatedSecret(Path keyFile, String what) {
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
                LOG.infof("Generated %s in %s; keep it with the data folder", what, keyFile);
            }
            return Files.readString(keyFile, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + what + " in " + keyFile, e);
        }
    }

    private static boolean isSet(String environmentVariable, String property) {
        String fromEnvironment = System.getenv(environmentVariable);
        String fromProperty = property == null ? null : System.getProperty(property);
        return (fromEnvironment != null && !fromEnvironment.isBlank())
                || (fromProperty != null && !fromProperty.isBlank());
    }
}
