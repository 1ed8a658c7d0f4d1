package cloud.dangjian.core.plugin.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The current tenant's plugin decisions (the tenant filter and row-level security keep it to that tenant). */
@ApplicationScoped
public class TenantPluginRepository implements PanacheRepository<TenantPlugin> {

    public Optional<TenantPlugin> findByPlugin(String pluginId) {
        return find("pluginId", pluginId).firstResultOptional();
    }
}
