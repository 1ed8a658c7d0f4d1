package cloud.dangjian.benchmarks;

/**
 * A tenant the benchmark onboards.
 *
 * @param id
 *            the tenant slug
 * @param name
 *            its display name, also used in its organisations' names
 * @param type
 *            one of the platform's tenant types
 * @param organisations
 *            how many organisations its tree has
 * @param memberQuota
 *            the member quota of its plan
 */
record BenchTenant(String id, String name, String type, int organisations, int memberQuota) {
}
