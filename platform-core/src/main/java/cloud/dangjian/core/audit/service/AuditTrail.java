package cloud.dangjian.core.audit.service;

import cloud.dangjian.core.audit.domain.AuditEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** Appends to and reads the audit trail. Appends run in their own transaction, so a refused request is recorded. */
@ApplicationScoped
public class AuditTrail {

    @Inject
    EntityManager em;

    public void record(String username, String action, String tenantId, int status, String detail) {
        String trimmed = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        String act = action.length() <= 300 ? action : action.substring(0, 300);
        QuarkusTransaction.requiringNew()
                .run(() -> em.persist(new AuditEvent(username, act, tenantId, status, trimmed)));
    }

    /** The newest events of one tenant. */
    @Transactional
    public List<AuditEvent> ofTenant(String tenantId, int size) {
        return em.createQuery("from AuditEvent where tenantId = :tenant order by id desc", AuditEvent.class)
                .setParameter("tenant", tenantId).setMaxResults(size).getResultList();
    }

    /** The newest events of every tenant below a region (by the region's path prefix). */
    @Transactional
    public List<AuditEvent> ofRegion(String regionPath, int size) {
        return em.createQuery("""
                from AuditEvent e where e.tenantId in (select t.id from Tenant t where t.regionId in
                    (select r.id from Region r where r.path like :path)) order by e.id desc""", AuditEvent.class)
                .setParameter("path", regionPath + "%").setMaxResults(size).getResultList();
    }
}
