package cloud.dangjian.core.onboarding.file;

import java.util.Map;

/**
 * One data row of an uploaded file.
 *
 * @param line
 *            the 1-based line (CSV) or row (XLSX) number, the header being line 1
 * @param cells
 *            the trimmed cell text by column name; a missing or empty cell is absent
 */
public record TabularRow(int line, Map<String, String> cells) {

    /** The cell's text, or null when empty. */
    public String get(String column) {
        return cells.get(column);
    }
}
