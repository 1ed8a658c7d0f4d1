package cloud.dangjian.core.storage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A file a tenant keeps in object storage (courseware, an attachment, an avatar). The object's key is derived from the
 * row, {@code t/<tenant-id>/<purpose>/<id>}, and never taken from a client.
 */
@Entity
@Table(name = "stored_files")
public class StoredFile {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(nullable = false, updatable = false)
    private String purpose;

    @Column(name = "object_key", nullable = false, updatable = false)
    private String objectKey;

    @Column(name = "original_filename", nullable = false, updatable = false)
    private String originalFilename;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    @Column(name = "declared_size", nullable = false, updatable = false)
    private long declaredSize;

    @Column(name = "stored_size")
    private Long storedSize;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FileStatus status = FileStatus.PENDING;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "stored_at")
    private Instant storedAt;

    protected StoredFile() {
    }

    public StoredFile(String tenantId, String purpose, String originalFilename, String contentType, long declaredSize,
            String uploadedBy) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.purpose = purpose;
        this.objectKey = objectKey(tenantId, purpose, id);
        this.originalFilename = originalFilename;
        this.contentType = contentType;
        this.declaredSize = declaredSize;
        this.uploadedBy = uploadedBy;
    }

    /** The key of a tenant's object: every tenant's objects live below {@code t/<tenant-id>/}. */
    public static String objectKey(String tenantId, String purpose, UUID id) {
        return tenantPrefix(tenantId) + purpose + "/" + id;
    }

    /** The prefix below which all of a tenant's objects, and only theirs, are kept. */
    public static String tenantPrefix(String tenantId) {
        return "t/" + tenantId + "/";
    }

    /** Records that the object is there, of {@code size} bytes, and passed its policy. */
    public void markStored(long size) {
        this.storedSize = size;
        this.status = FileStatus.STORED;
        this.storedAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String purpose() {
        return purpose;
    }

    public String objectKey() {
        return objectKey;
    }

    public String originalFilename() {
        return originalFilename;
    }

    public String contentType() {
        return contentType;
    }

    public long declaredSize() {
        return declaredSize;
    }

    public Long storedSize() {
        return storedSize;
    }

    public FileStatus status() {
        return status;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant storedAt() {
        return storedAt;
    }
}
