package cloud.dangjian.core.storage.service;

import cloud.dangjian.core.storage.UploadPolicies;
import cloud.dangjian.core.storage.UploadPolicy;
import cloud.dangjian.core.storage.UploadPolicyProvider;
import io.quarkus.arc.All;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The default {@link UploadPolicies}: asks every {@link UploadPolicyProvider} bean, highest priority first, and takes
 * the first answer. A bean of type {@link UploadPolicies} elsewhere replaces this one.
 */
@ApplicationScoped
@DefaultBean
public class ProvidedUploadPolicies implements UploadPolicies {

    // ArC sorts an @All list by bean priority, highest first.
    @Inject
    @All
    List<UploadPolicyProvider> providers;

    @Override
    public Optional<UploadPolicy> forPurpose(String tenantId, String purpose) {
        for (UploadPolicyProvider provider : providers) {
            Optional<UploadPolicy> policy = provider.forPurpose(tenantId, purpose);
            if (policy.isPresent()) {
                return policy;
            }
        }
        return Optional.empty();
    }
}
