package cloud.dangjian.core.onboarding.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * Vacuums and analyses a table after a bulk import wrote to it. Without this the first searches after onboarding a
 * region pay for setting hint bits on every freshly copied row and plan with statistics that predate the import. Runs
 * on the migration role's datasource: only a table's owner may vacuum it.
 */
@ApplicationScoped
public class BulkWriteMaintenance {

    private static final Logger LOG = Logger.getLogger(BulkWriteMaintenance.class);

    @Inject
    @DataSource("migration")
    AgroalDataSource ownerDataSource;

    /** Vacuums and analyses {@code table}; a failure is logged, never fatal: the data is already committed. */
    public void afterBulkWrite(String table) {
        long started = System.nanoTime();
        try (Connection connection = ownerDataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("VACUUM (ANALYZE) " + table);
            LOG.debugf("VACUUM (ANALYZE) %s took %d ms", table, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            LOG.warnf(e, "Could not vacuum %s after a bulk import; autovacuum will catch up", table);
        }
    }
}
