package cloud.dangjian.core.storage;

import cloud.dangjian.core.identity.domain.Permission;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What may be uploaded for one purpose: at most {@code maxBytes}, of one of {@code contentTypes} ({@code image/png}, or
 * a whole family as {@code image/*}), by callers holding {@code uploadPermission} in the tenant.
 *
 * @param maxBytes
 *            the largest accepted object, in bytes
 * @param contentTypes
 *            the accepted media types, without parameters; {@code type/*} accepts every subtype
 * @param uploadPermission
 *            the permission an uploader needs: {@value Permission#FILES_WRITE} unless the purpose lets every reader of
 *            the tenant's files upload ({@value Permission#FILES_READ}, as for an avatar)
 */
public record UploadPolicy(long maxBytes, Set<String> contentTypes, String uploadPermission) {

    public UploadPolicy {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        if (contentTypes == null || contentTypes.isEmpty()) {
            throw new IllegalArgumentException("an upload policy must accept at least one content type");
        }
        if (uploadPermission == null || uploadPermission.isBlank()) {
            throw new IllegalArgumentException("an upload policy must name the permission an uploader needs");
        }
        contentTypes = contentTypes.stream().map(UploadPolicy::normalise).collect(Collectors.toUnmodifiableSet());
    }

    /** A policy for uploaders holding {@value Permission#FILES_WRITE}. */
    public UploadPolicy(long maxBytes, Set<String> contentTypes) {
        this(maxBytes, contentTypes, Permission.FILES_WRITE);
    }

    /** Whether {@code contentType} (parameters such as {@code ; charset=utf-8} are ignored) is accepted. */
    public boolean allows(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String type = normalise(contentType);
        int slash = type.indexOf('/');
        return contentTypes.contains(type) || (slash > 0 && contentTypes.contains(type.substring(0, slash) + "/*"));
    }

    /** A media type without parameters, lower case: {@code Image/PNG; q=1} becomes {@code image/png}. */
    public static String normalise(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
