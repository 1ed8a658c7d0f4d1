package cloud.dangjian.core.storage;

import java.util.Optional;

/**
 * Which uploads a tenant accepts, per purpose. The core's implementation asks every {@link UploadPolicyProvider}; any
 * other bean implementing this interface replaces it and may decide differently, for example by the plugins enabled for
 * the tenant.
 */
public interface UploadPolicies {

    /**
     * The policy for uploads of {@code purpose} in {@code tenantId}, or empty when the tenant accepts no uploads for it
     * (an unknown purpose, or one of a plugin the tenant has not enabled).
     */
    Optional<UploadPolicy> forPurpose(String tenantId, String purpose);
}
