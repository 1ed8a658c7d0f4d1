package cloud.dangjian.core.plugin.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Region-wide plugin defaults. */
@ApplicationScoped
public class RegionPluginDefaultRepository implements PanacheRepository<RegionPluginDefault> {

    public Optional<RegionPluginDefault> find(Long regionId, String pluginId) {
        return find("regionId = ?1 and pluginId = ?2", regionId, pluginId).firstResultOptional();
    }

    /**
     * The defaults of every region on the path from the root down to the region with {@code regionPath}, root first, so
     * that a nearer region's settings are layered last and win.
     */
    public List<RegionPluginDefault> alongPath(String regionPath) {
        return getEntityManager().createQuery("""
                select d from RegionPluginDefault d, Region r
                where r.id = d.regionId and locate(r.path, :path) = 1
                order by length(r.path)""", RegionPluginDefault.class).setParameter("path", regionPath).getResultList();
    }
}
