package cloud.dangjian.core.onboarding.service;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into a table with PostgreSQL's COPY (CSV format): an order of magnitude faster than batched INSERTs for
 * hundreds of thousands of rows. Values are quoted; null is an unquoted empty field.
 */
final class CopyRows implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean firstInRow = true;

    private CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    static CopyRows into(Connection connection, String table, String columns) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        return new CopyRows(
                pg.getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)"));
    }

    CopyRows value(Object value) {
        if (!firstInRow) {
            buffer.append(',');
        }
        firstInRow = false;
        if (value == null) {
            return this;
        }
        String text = value instanceof byte[] bytes ? "\\x" + HexFormat.of().formatHex(bytes) : value.toString();
        buffer.append('"').append(text.replace("\"", "\"\"")).append('"');
        return this;
    }

    void endRow() throws SQLException {
        buffer.append('\n');
        firstInRow = true;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Ends the COPY; returns the rows copied. */
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
