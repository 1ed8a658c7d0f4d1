package cloud.dangjian.core.tenancy.context;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands the current tenant to PostgreSQL's row-level security on every connection the pool lends out.
 * <p>
 * Inside a transaction the setting is transaction-local ({@code set_config(…, true)}), so it vanishes at commit or
 * rollback whatever happens to the connection afterwards. A connection lent outside a transaction gets a session
 * setting that is cleared again when it returns to the pool. Either way no tenant outlives the work it was set for, and
 * a connection with no tenant sees no tenant rows at all (the policies compare against an empty string).
 */
@ApplicationScoped
public class TenantDatabaseSession implements AgroalPoolInterceptor {

    /** The PostgreSQL setting the row-level security policies read. */
    public static final String SETTING = "dangjian.tenant_id";

    @Inject
    CurrentTenant currentTenant;

    /** Connections lent outside a transaction, whose session-level setting must be cleared on return. */
    private final Set<Connection> sessionScoped = ConcurrentHashMap.newKeySet();

    @Override
    public void onConnectionAcquire(Connection connection) {
        String tenant = currentTenant.id().orElse("");
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config(?, ?, ?)")) {
            statement.setString(1, SETTING);
            statement.setString(2, tenant);
            boolean transactionLocal = !connection.getAutoCommit();
            statement.setBoolean(3, transactionLocal);
            statement.execute();
            if (!transactionLocal) {
                sessionScoped.add(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the tenant on a database connection", e);
        }
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        if (!sessionScoped.remove(connection)) {
            // Transaction-local: commit or rollback has already cleared it; spare the round trip.
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('" + SETTING + "', '', false)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clear the tenant from a database connection", e);
        }
    }
}
