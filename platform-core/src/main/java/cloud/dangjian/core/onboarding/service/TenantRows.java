package cloud.dangjian.core.onboarding.service;

import cloud.dangjian.core.tenancy.context.TenantDatabaseSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Switches a connection's row-level-security tenant within the current transaction, for imports that write several
 * tenants' rows in one all-or-nothing transaction. Transaction-local, like every tenant setting.
 */
final class TenantRows {

    private TenantRows() {
    }

    static void actAs(Connection connection, String tenantId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config(?, ?, true)")) {
            statement.setString(1, TenantDatabaseSession.SETTING);
            statement.setString(2, tenantId);
            statement.execute();
        }
    }
}
