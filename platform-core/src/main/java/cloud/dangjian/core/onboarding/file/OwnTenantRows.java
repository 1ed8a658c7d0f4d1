package cloud.dangjian.core.onboarding.file;

import cloud.dangjian.core.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of a file that belongs to one tenant (a tenant-config CSV, a tenant administrator's upload): the tenant column
 * is optional there and filled in; a row naming another tenant is an error of its line.
 */
public final class OwnTenantRows {

    private OwnTenantRows() {
    }

    public static List<TabularRow> fill(List<TabularRow> rows, String tenantId, List<Problem.FieldError> errors) {
        List<TabularRow> filled = new ArrayList<>(rows.size());
        for (TabularRow row : rows) {
            Map<String, String> cells = new LinkedHashMap<>(row.cells());
            String tenant = cells.get("tenant");
            if (tenant == null || tenant.isBlank()) {
                cells.put("tenant", tenantId);
            } else if (!tenant.equals(tenantId)) {
                errors.add(new Problem.FieldError("tenant",
                        "names tenant '" + tenant + "', but the file belongs to '" + tenantId + "'", row.line()));
            }
            filled.add(new TabularRow(row.line(), cells));
        }
        return filled;
    }
}
