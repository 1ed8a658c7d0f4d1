package cloud.dangjian.core.plugin.service;

import cloud.dangjian.core.identity.domain.Role;
import cloud.dangjian.core.identity.service.PermissionContributor;
import cloud.dangjian.core.plugin.spi.DangjianPlugin;
import cloud.dangjian.core.plugin.spi.PermissionGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;

/**
 * Grants the permissions plugins declare to the roles they name. Platform and region administrators hold whatever a
 * tenant administrator holds, so a plugin does not have to remember them.
 */
@ApplicationScoped
public class PluginPermissions implements PermissionContributor {

    @Inject
    PluginRegistry registry;

    @Override
    public Set<String> grantedTo(Role role) {
        Set<String> granted = new HashSet<>();
        for (DangjianPlugin<?> plugin : registry.all()) {
            for (PermissionGrant grant : plugin.descriptor().permissions()) {
                if (grant.roles().contains(role)
                        || (administersTenants(role) && grant.roles().contains(Role.TENANT_ADMIN))) {
                    granted.add(grant.permission());
                }
            }
        }
        return granted;
    }

    private static boolean administersTenants(Role role) {
        return role == Role.PLATFORM_ADMIN || role == Role.REGION_ADMIN;
    }
}
