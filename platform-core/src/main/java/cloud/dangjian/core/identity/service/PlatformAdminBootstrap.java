package cloud.dangjian.core.identity.service;

import cloud.dangjian.core.identity.domain.Role;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Grants the platform administrator role to the users named in {@code dangjian.identity.platform-admins} at start-up:
 * the one way in for a new deployment, like Keycloak's bootstrap admin. Idempotent.
 */
@ApplicationScoped
public class PlatformAdminBootstrap {

    @ConfigProperty(name = "dangjian.identity.platform-admins")
    Optional<List<String>> platformAdmins;

    @Inject
    MembershipService memberships;

    void onStart(@Observes StartupEvent event) {
        platformAdmins.orElse(List.of()).stream().map(String::trim).filter(name -> !name.isEmpty()).forEach(
                name -> memberships.grant(new MembershipService.Grant(name, Role.PLATFORM_ADMIN, null, null, null)));
    }
}
