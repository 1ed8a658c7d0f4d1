package cloud.dangjian.core.storage.service;

import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.identity.service.TenantAccess;
import cloud.dangjian.core.problem.Problem;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.storage.StorageConfig;
import cloud.dangjian.core.storage.UploadPolicies;
import cloud.dangjian.core.storage.UploadPolicy;
import cloud.dangjian.core.storage.domain.FileStatus;
import cloud.dangjian.core.storage.domain.StoredFile;
import cloud.dangjian.core.storage.domain.StoredFileRepository;
import cloud.dangjian.core.storage.service.ObjectStorage.ObjectInfo;
import cloud.dangjian.core.tenancy.context.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Uploads and downloads of the current tenant's files through presigned URLs: the platform decides who may move which
 * bytes and records them; the bytes themselves go straight between the client and the object store.
 * <ol>
 * <li>{@link #beginUpload}: checks the purpose's {@link UploadPolicy} and the caller's permission, records the file
 * PENDING and hands out a short-lived PUT URL;</li>
 * <li>{@link #complete}: looks at what actually arrived, deletes it if it breaks the policy, else marks it STORED;</li>
 * <li>{@link #download}: a short-lived GET URL for a STORED file.</li>
 * </ol>
 */
@ApplicationScoped
public class StoredFileService {

    /** What a client wants to upload. */
    public record UploadRequest(String purpose, String filename, String contentType, long size) {
    }

    /** Where, how and until when the client may PUT the file's bytes. */
    public record UploadTicket(StoredFile file, String url, Map<String, String> headers, Instant expiresAt) {
    }

    /** Where, and until when, the client may GET the file's bytes. */
    public record DownloadTicket(StoredFile file, String url, Instant expiresAt) {
    }

    @Inject
    StoredFileRepository files;

    @Inject
    ObjectStorage storage;

    @Inject
    UploadPolicies policies;

    @Inject
    StorageConfig config;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    TenantAccess access;

    @Inject
    Caller caller;

    @Transactional
    public UploadTicket beginUpload(UploadRequest request) {
        String tenant = currentTenant.require();
        UploadPolicy policy = policies.forPurpose(tenant, request.purpose()).orElseThrow(() -> ProblemException
                .invalidField("purpose", "this tenant accepts no uploads for purpose '" + request.purpose() + "'"));
        access.requirePermission(policy.uploadPermission());
        String contentType = UploadPolicy.normalise(request.contentType());
        if (!policy.allows(contentType)) {
            throw ProblemException.invalidField("contentType", "'" + contentType + "' is not accepted for purpose '"
                    + request.purpose() + "'; accepted: " + String.join(", ", new TreeSet<>(policy.contentTypes())));
        }
        if (request.size() > policy.maxBytes()) {
            throw ProblemException.invalidField("size", "at most " + describe(policy.maxBytes())
                    + " may be uploaded for purpose '" + request.purpose() + "'");
        }
        StoredFile file = new StoredFile(tenant, request.purpose(), displayName(request.filename()), contentType,
                request.size(), caller.username());
        files.persist(file);
        Duration expiry = config.uploadExpiry();
        String url = storage.presignedUpload(file.objectKey(), expiry);
        return new UploadTicket(file, url, Map.of("Content-Type", contentType), Instant.now().plus(expiry));
    }

    /**
     * Checks what was uploaded against the policy and the declaration, and marks the file STORED. A file that breaks
     * them is deleted from the store and refused; the record stays PENDING, so the client may upload again while its
     * URL is valid. Completing a STORED file again changes nothing.
     */
    @Transactional
    public StoredFile complete(UUID id) {
        StoredFile file = find(id);
        if (!file.uploadedBy().equals(caller.username())) {
            access.requirePermission(Permission.FILES_WRITE);
        }
        if (file.status() == FileStatus.STORED) {
            return file;
        }
        UploadPolicy policy = policies.forPurpose(file.tenantId(), file.purpose()).orElse(null);
        ObjectInfo uploaded = storage.stat(file.objectKey()).orElseThrow(() -> new ProblemException(409,
                "upload-missing", "Nothing uploaded",
                "Nothing has been uploaded for file '" + id + "' yet: PUT the file to its upload URL, then complete it",
                null, null));
        if (policy == null) {
            storage.delete(file.objectKey());
            throw refused("purpose", "this tenant no longer accepts uploads for purpose '" + file.purpose() + "'");
        }
        if (uploaded.size() > policy.maxBytes()) {
            storage.delete(file.objectKey());
            throw refused("size", "the uploaded file has " + describe(uploaded.size()) + "; at most "
                    + describe(policy.maxBytes()) + " may be uploaded for purpose '" + file.purpose() + "'");
        }
        String uploadedType = uploaded.contentType() == null ? "" : UploadPolicy.normalise(uploaded.contentType());
        if (!policy.allows(uploadedType) || !uploadedType.equals(file.contentType())) {
            storage.delete(file.objectKey());
            throw refused("contentType", "the file was uploaded as '" + uploadedType + "' but declared as '"
                    + file.contentType() + "'; upload it with the header Content-Type: " + file.contentType());
        }
        if (uploaded.size() != file.declaredSize()) {
            storage.delete(file.objectKey());
            throw refused("size",
                    "the uploaded file has " + uploaded.size() + " bytes but was declared with " + file.declaredSize());
        }
        file.markStored(uploaded.size());
        return file;
    }

    /** A short-lived download URL for a STORED file. */
    @Transactional
    public DownloadTicket download(UUID id) {
        StoredFile file = find(id);
        if (file.status() != FileStatus.STORED) {
            throw new ProblemException(409, "file-pending", "File not completed",
                    "File '" + id + "' has not been completed; its uploader must complete it first", null, null);
        }
        Duration expiry = config.downloadExpiry();
        String url = storage.presignedDownload(file.objectKey(), expiry, file.originalFilename(), file.contentType());
        return new DownloadTicket(file, url, Instant.now().plus(expiry));
    }

    private StoredFile find(UUID id) {
        return files.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("File", id));
    }

    /** The name to offer when the file is saved: the last path segment, without control characters. */
    static String displayName(String filename) {
        String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw ProblemException.invalidField("filename", "must name a file, such as 党课课件.pdf");
        }
        return name;
    }

    private static ProblemException refused(String field, String detail) {
        return new ProblemException(422, "upload-refused", "Upload refused", detail + "; the upload was deleted", field,
                List.of(new Problem.FieldError(field, detail)));
    }

    private static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes + " bytes";
    }
}
