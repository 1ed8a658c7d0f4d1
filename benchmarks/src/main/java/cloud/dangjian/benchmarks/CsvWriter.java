package cloud.dangjian.benchmarks;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes an RFC 4180 CSV file in UTF-8, the format the platform's import endpoints read. */
final class CsvWriter implements Closeable {

    /** CRLF as RFC 4180 and Excel write it; the platform reads either. */
    private static final String LINE_END = "\r\n";

    private final BufferedWriter out;
    private long rows;

    CsvWriter(Path file) throws IOException {
        // A large buffer: a 200,000-row file is written in about a second instead of many small writes.
        this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    /** One row; the header counts as a row too. */
    void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(escape(cells.get(i)));
        }
        out.write(LINE_END);
        rows++;
    }

    long rows() {
        return rows;
    }

    /**
     * A cell as CSV text: quoted, with quotes doubled, only when it holds a comma, a quote or a line break, so that
     * ordinary files stay readable. Null is an empty cell, which the platform reads as absent.
     */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
