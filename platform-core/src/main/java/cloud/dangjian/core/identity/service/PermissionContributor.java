package cloud.dangjian.core.identity.service;

import cloud.dangjian.core.identity.domain.Role;
import java.util.Set;

/**
 * Adds permissions to roles from outside the core's role table: the plugin framework grants each plugin's declared
 * permissions through this, so identity never depends on plugins.
 */
public interface PermissionContributor {

    /** The extra permissions {@code role} holds. */
    Set<String> grantedTo(Role role);
}
