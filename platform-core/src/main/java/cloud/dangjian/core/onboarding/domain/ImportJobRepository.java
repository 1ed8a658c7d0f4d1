package cloud.dangjian.core.onboarding.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The current tenant's import jobs; another tenant's job id finds nothing (Hibernate filter and row-level security).
 */
@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {
}
