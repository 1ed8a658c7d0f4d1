package cloud.dangjian.benchmarks;

import java.util.Map;

/**
 * What an import answered it did with the file's rows.
 *
 * @param rows
 *            data rows it read
 * @param created
 *            rows that were new
 * @param updated
 *            rows that changed a stored record
 * @param unchanged
 *            rows equal to what was stored
 */
record ImportCounts(long rows, long created, long updated, long unchanged) {

    static ImportCounts parse(String json) {
        Map<String, Object> report = Json.object(Json.parse(json));
        return new ImportCounts(number(report, "rows"), number(report, "created"), number(report, "updated"),
                number(report, "unchanged"));
    }

    /** Rows the import wrote: a re-import of the same file must write none. */
    long written() {
        return created + updated;
    }

    private static long number(Map<String, Object> report, String field) {
        if (report.get(field) instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalArgumentException("import report lacks a number '" + field + "': " + report);
    }
}
