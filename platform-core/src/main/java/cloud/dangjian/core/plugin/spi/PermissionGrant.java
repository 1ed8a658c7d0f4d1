package cloud.dangjian.core.plugin.spi;

import cloud.dangjian.core.identity.domain.Role;
import java.util.Set;

/**
 * A permission a plugin declares, named {@code <plugin-id>:<action>}, and the roles that hold it. Platform and region
 * administrators hold every plugin permission a tenant administrator holds, so they need not be listed.
 */
public record PermissionGrant(String permission, LocalizedText description, Set<Role> roles) {

    public PermissionGrant {
        roles = Set.copyOf(roles);
    }

    public static PermissionGrant of(String permission, LocalizedText description, Role... roles) {
        return new PermissionGrant(permission, description, Set.of(roles));
    }
}
