package cloud.dangjian.benchmarks;

import java.util.List;

/**
 * One row of the organisation import file.
 *
 * @param tenant
 *            the tenant the organisation belongs to
 * @param code
 *            its code, unique within the tenant
 * @param name
 *            its display name
 * @param kind
 *            what kind of organisation it is
 * @param parentCode
 *            the code of the organisation holding it, or null for the root
 */
record Organisation(String tenant, String code, String name, OrganisationKind kind, String parentCode) {

    static final List<String> HEADER = List.of("tenant", "code", "name", "kind", "parent_code");

    List<String> cells() {
        return List.of(tenant, code, name, kind.name(), parentCode == null ? "" : parentCode);
    }
}
