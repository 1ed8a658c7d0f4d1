package cloud.dangjian.core.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps its data in a folder that survives a restart. */
class EmbeddedDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void shouldKeepDataAcrossARestartOnTheSameFolder() throws Exception {
        Path data = folder.resolve("postgres");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(data, 0)) {
            try (Connection connection = owner(first);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (value text)");
                statement.execute("INSERT INTO kept VALUES ('survives')");
            }
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(data, 0);
                Connection connection = owner(second);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT value FROM kept")) {
            rs.next();
            assertEquals("survives", rs.getString(1));
        }
        assertEquals(true, Files.exists(data.resolve("PG_VERSION")));
    }

    private static Connection owner(EmbeddedDatabase database) throws Exception {
        return DriverManager.getConnection(database.jdbcUrl(),
                database.quarkusConfig().get("quarkus.datasource.migration.username"),
                database.quarkusConfig().get("quarkus.datasource.migration.password"));
    }
}
