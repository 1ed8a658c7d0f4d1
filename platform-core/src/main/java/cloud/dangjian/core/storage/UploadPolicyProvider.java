package cloud.dangjian.core.storage;

import java.util.Optional;

/**
 * Contributes upload policies for the purposes it owns: the core for {@code avatar} and {@code attachment}, a plugin
 * for {@code <plugin-id>.<name>} (from its typed, per-tenant configuration). Any CDI bean implementing this is found;
 * nothing lists providers by name. When several answer for one purpose, the provider of higher {@code @Priority} wins.
 */
public interface UploadPolicyProvider {

    /** The policy for {@code purpose} in {@code tenantId}, or empty if this provider does not own the purpose. */
    Optional<UploadPolicy> forPurpose(String tenantId, String purpose);
}
