package cloud.dangjian.core.onboarding.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/**
 * A bulk import (批量导入) of one file into one tenant, run in the background: its progress while it runs, then what it did
 * or why the file was refused.
 */
@Entity
@Table(name = "import_jobs")
public class ImportJob {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ImportJobKind kind;

    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(name = "dry_run", nullable = false, updatable = false)
    private boolean dryRun;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImportJobStatus status = ImportJobStatus.QUEUED;

    @Column(name = "total_rows", nullable = false, updatable = false)
    private int totalRows;

    @Column(name = "processed_rows", nullable = false)
    private int processedRows;

    @Column(name = "created_rows")
    private Integer createdRows;

    @Column(name = "updated_rows")
    private Integer updatedRows;

    @Column(name = "unchanged_rows")
    private Integer unchangedRows;

    /** The refused file's bad rows as JSON, read and written by {@code ImportJobs}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "row_errors")
    private String rowErrors;

    private String detail;

    @Column(name = "started_by", nullable = false, updatable = false)
    private String startedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected ImportJob() {
    }

    public ImportJob(ImportJobKind kind, String fileName, boolean dryRun, int totalRows, String startedBy) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.fileName = fileName.length() <= 255 ? fileName : fileName.substring(0, 255);
        this.dryRun = dryRun;
        this.totalRows = totalRows;
        this.startedBy = startedBy;
    }

    /** Progress within the current phase (checking, then writing), counted in rows. */
    public void progress(ImportJobStatus phase, int processed) {
        this.status = phase;
        this.processedRows = Math.min(processed, totalRows);
        this.updatedAt = Instant.now();
    }

    public void done(int created, int updated, int unchanged) {
        this.createdRows = created;
        this.updatedRows = updated;
        this.unchangedRows = unchanged;
        this.processedRows = totalRows;
        end(ImportJobStatus.DONE, null);
    }

    public void refused(String rowErrorsJson, String detail) {
        this.rowErrors = rowErrorsJson;
        end(ImportJobStatus.REFUSED, detail);
    }

    public void failed(String detail) {
        end(ImportJobStatus.FAILED, detail);
    }

    private void end(ImportJobStatus outcome, String detail) {
        this.status = outcome;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        this.updatedAt = Instant.now();
        this.finishedAt = updatedAt;
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public ImportJobKind kind() {
        return kind;
    }

    public String fileName() {
        return fileName;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public ImportJobStatus status() {
        return status;
    }

    public int totalRows() {
        return totalRows;
    }

    public int processedRows() {
        return processedRows;
    }

    public Integer createdRows() {
        return createdRows;
    }

    public Integer updatedRows() {
        return updatedRows;
    }

    public Integer unchangedRows() {
        return unchangedRows;
    }

    public String rowErrors() {
        return rowErrors;
    }

    public String detail() {
        return detail;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
