package cloud.dangjian.core.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A tenant (租户): an enterprise, community or "两新" organisation with its own party organisation tree. Platform-level
 * registry row, not tenant-owned; its id is the slug used in every tenant URL.
 */
@Entity
@Table(name = "tenants")
public class Tenant {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TenantType type;

    @Column(name = "region_id", nullable = false)
    private Long regionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TenantStatus status = TenantStatus.ACTIVE;

    @Embedded
    private TenantPlan plan;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = createdAt;

    @Version
    private long version;

    protected Tenant() {
    }

    public Tenant(String id, String name, TenantType type, Region region, TenantPlan plan) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.regionId = region.id();
        this.plan = plan;
    }

    public void update(String name, TenantType type, Region region, TenantPlan plan) {
        this.name = name;
        this.type = type;
        this.regionId = region.id();
        this.plan = plan;
        touch();
    }

    public void changeStatus(TenantStatus status) {
        this.status = status;
        touch();
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public TenantType type() {
        return type;
    }

    public Long regionId() {
        return regionId;
    }

    public TenantStatus status() {
        return status;
    }

    public TenantPlan plan() {
        return plan;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
