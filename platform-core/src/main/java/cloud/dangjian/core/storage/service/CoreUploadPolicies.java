package cloud.dangjian.core.storage.service;

import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.storage.UploadPolicy;
import cloud.dangjian.core.storage.UploadPolicyProvider;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The core's own purposes: {@code avatar} (a small picture; every member may upload one) and {@code attachment} (a
 * document or picture kept with a record; uploaded by those who write the tenant's files).
 */
@ApplicationScoped
@Priority(0)
public class CoreUploadPolicies implements UploadPolicyProvider {

    public static final String AVATAR = "avatar";
    public static final String ATTACHMENT = "attachment";

    private static final long MIB = 1024 * 1024;

    private static final Map<String, UploadPolicy> POLICIES = Map.of(AVATAR,
            new UploadPolicy(2 * MIB, Set.of("image/jpeg", "image/png", "image/webp"), Permission.FILES_READ),
            ATTACHMENT,
            new UploadPolicy(20 * MIB, Set.of("application/pdf", "image/jpeg", "image/png", "image/webp", "text/plain",
                    "text/csv", "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation", "application/zip"),
                    Permission.FILES_WRITE));

    @Override
    public Optional<UploadPolicy> forPurpose(String tenantId, String purpose) {
        return Optional.ofNullable(POLICIES.get(purpose));
    }
}
