package cloud.dangjian.benchmarks;

import java.nio.file.Path;
import java.util.List;

/**
 * The generated benchmark data: the two import files and what the later phases need to know about them.
 *
 * @param directory
 *            the temporary directory holding the files
 * @param region
 *            the code of the region every tenant belongs to
 * @param tenants
 *            the tenants to onboard, bench-big first
 * @param organisations
 *            the organisation file
 * @param organisationRows
 *            its data rows
 * @param organisationBytes
 *            its size
 * @param members
 *            the member file
 * @param memberRows
 *            its data rows
 * @param memberBytes
 *            its size
 * @param bigTenantNames
 *            the names of bench-big's members
 */
record DataSet(Path directory, String region, List<BenchTenant> tenants, Path organisations, int organisationRows,
        long organisationBytes, Path members, int memberRows, long memberBytes, NameIndex bigTenantNames) {
}
