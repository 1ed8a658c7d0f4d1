package cloud.dangjian.core.onboarding.service;

/**
 * What an import did.
 *
 * @param rows
 *            data rows in the file
 * @param created
 *            rows that were new
 * @param updated
 *            rows that changed an existing record
 * @param unchanged
 *            rows identical to what was stored
 * @param dryRun
 *            whether the file was only checked
 */
public record ImportReport(int rows, int created, int updated, int unchanged, boolean dryRun) {
}
