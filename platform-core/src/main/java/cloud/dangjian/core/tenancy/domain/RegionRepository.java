package cloud.dangjian.core.tenancy.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Regions by code and by subtree. */
@ApplicationScoped
public class RegionRepository implements PanacheRepository<Region> {

    public Optional<Region> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The region and all its descendants, parents before children. */
    public List<Region> subtree(Region root) {
        return list("path like ?1 order by path", root.path() + "%");
    }
}
