package cloud.dangjian.plugins.points;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Plain JDBC as a tenant, on the application's or the owner's connections, for what the API must not be asked. */
final class Database {

    private Database() {
    }

    static long count(AgroalDataSource dataSource, String tenant, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            setTenant(connection, tenant);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } finally {
                setTenant(connection, "");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a change as a tenant; throws the database's refusal. */
    static int update(AgroalDataSource dataSource, String tenant, String sql, Object... parameters)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            setTenant(connection, tenant);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            } finally {
                setTenant(connection, "");
            }
        }
    }

    private static void setTenant(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement statement = connection
                .prepareStatement("SELECT set_config('dangjian.tenant_id', ?, false)")) {
            statement.setString(1, tenant);
            statement.execute();
        }
    }
}
