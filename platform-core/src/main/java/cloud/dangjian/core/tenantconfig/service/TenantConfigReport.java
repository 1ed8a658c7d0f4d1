package cloud.dangjian.core.tenantconfig.service;

import java.util.List;

/**
 * What applying tenant-config did, or would do on a dry run: one line per difference between the files and the
 * database, and warnings for what was skipped.
 */
public record TenantConfigReport(String source, boolean dryRun, int files, List<Change> changes,
        List<String> warnings) {

    /** One difference, in the file that declares it. */
    public record Change(String file, String change) {
    }
}
