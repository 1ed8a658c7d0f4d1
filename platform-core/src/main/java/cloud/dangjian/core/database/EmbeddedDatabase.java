package cloud.dangjian.core.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An embedded PostgreSQL 17 server (zonky binaries from Maven Central) with the platform's database and its two roles:
 * {@value #OWNER_ROLE}, which owns the schema and runs Flyway, and {@value #APP_ROLE}, which the application connects
 * as. The application role owns no table and is no superuser, so row-level security applies to it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "dangjian";
    public static final String OWNER_ROLE = "dangjian_owner";
    public static final String APP_ROLE = "dangjian_app";
    // Embedded only: the server listens on loopback for this machine's user.
    private static final String OWNER_PASSWORD = "dangjian_owner";
    private static final String APP_PASSWORD = "dangjian_app";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts the server on a data folder that survives a restart (initialised on first use).
     *
     * @param dataDirectory
     *            where PostgreSQL keeps its files
     * @param port
     *            the port to listen on, or 0 for any free port
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false).setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB").setServerConfig("synchronous_commit", "off")
                    .setServerConfig("fsync", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedDatabase database = new EmbeddedDatabase(builder.start());
            database.createRolesAndDatabase();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private void createRolesAndDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                        CREATE ROLE %1$s LOGIN PASSWORD '%2$s';
                      END IF;
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%3$s') THEN
                        CREATE ROLE %3$s LOGIN PASSWORD '%4$s' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
                      END IF;
                    END $$""".formatted(OWNER_ROLE, OWNER_PASSWORD, APP_ROLE, APP_PASSWORD));
            boolean exists;
            try (var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the platform's roles and database", e);
        }
        try (Connection connection = postgres.getDatabase("postgres", DATABASE).getConnection();
                Statement statement = connection.createStatement()) {
            // PostgreSQL 15+ no longer lets every role create in public; the owner role must.
            statement.execute("ALTER SCHEMA public OWNER TO " + OWNER_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the platform's schema", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE).replace("user=postgres", "").replaceAll("[?&]$", "");
    }

    public int port() {
        return postgres.getPort();
    }

    /** The Quarkus configuration that points the application, and Flyway, at this server. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.username", APP_ROLE);
        config.put("quarkus.datasource.password", APP_PASSWORD);
        config.put("quarkus.datasource.migration.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.migration.username", OWNER_ROLE);
        config.put("quarkus.datasource.migration.password", OWNER_PASSWORD);
        return config;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
