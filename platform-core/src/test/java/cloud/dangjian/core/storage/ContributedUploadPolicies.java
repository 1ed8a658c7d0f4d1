package cloud.dangjian.core.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A purpose contributed the way a plugin contributes one: found as an {@link UploadPolicyProvider} bean, answering only
 * for the tenants it is switched on for.
 */
@ApplicationScoped
public class ContributedUploadPolicies implements UploadPolicyProvider {

    static final String PURPOSE = "test-plugin.photo";
    static final Set<String> ENABLED_TENANTS = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<UploadPolicy> forPurpose(String tenantId, String purpose) {
        if (!PURPOSE.equals(purpose) || !ENABLED_TENANTS.contains(tenantId)) {
            return Optional.empty();
        }
        return Optional.of(new UploadPolicy(1024, Set.of("image/*")));
    }
}
