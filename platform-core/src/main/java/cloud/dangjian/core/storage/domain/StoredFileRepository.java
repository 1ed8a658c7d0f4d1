package cloud.dangjian.core.storage.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The current tenant's stored files; another tenant's ids find nothing (Hibernate filter and row-level security). */
@ApplicationScoped
public class StoredFileRepository implements PanacheRepositoryBase<StoredFile, UUID> {
}
