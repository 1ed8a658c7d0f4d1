package cloud.dangjian.core.identity.service;

import cloud.dangjian.core.identity.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every permission a role holds: the core's own ({@link Role#permissions()}) and those contributed by plugins. Computed
 * once, because plugins are fixed when the application starts.
 */
@ApplicationScoped
public class RolePermissions {

    @Inject
    @Any
    Instance<PermissionContributor> contributors;

    private volatile Map<Role, Set<String>> byRole;

    public Set<String> of(Role role) {
        Map<Role, Set<String>> known = byRole;
        if (known == null) {
            known = compute();
            byRole = known;
        }
        return known.get(role);
    }

    public boolean holds(Role role, String permission) {
        return of(role).contains(permission);
    }

    private Map<Role, Set<String>> compute() {
        Map<Role, Set<String>> computed = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            Set<String> permissions = new HashSet<>(role.permissions());
            for (PermissionContributor contributor : contributors) {
                permissions.addAll(contributor.grantedTo(role));
            }
            computed.put(role, Set.copyOf(permissions));
        }
        return computed;
    }
}
