package cloud.dangjian.core.organisation.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The current tenant's organisations. Hibernate scopes every query to the current tenant; statements that bypass it
 * ({@link #rewriteSubtreePaths}) still name the tenant, and row-level security holds underneath.
 */
@ApplicationScoped
public class OrganisationRepository implements PanacheRepository<Organisation> {

    public Optional<Organisation> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The organisation and everything below it, parents first. */
    public List<Organisation> subtree(Organisation root) {
        return list("path like ?1 order by path", root.path() + "%");
    }

    public List<Organisation> all() {
        return list("order by path");
    }

    /** After a move: every descendant's path swaps the old prefix for the new one. */
    public int rewriteSubtreePaths(String tenantId, String oldPrefix, String newPrefix) {
        return getEntityManager().createNativeQuery("""
                UPDATE organisations
                   SET path = :newPrefix || substr(path, length(:oldPrefix) + 1), updated_at = now(),
                       version = version + 1
                 WHERE tenant_id = :tenant AND path LIKE :oldPrefix || '%' AND path <> :oldPrefix
                """).setParameter("newPrefix", newPrefix).setParameter("oldPrefix", oldPrefix)
                .setParameter("tenant", tenantId).executeUpdate();
    }
}
