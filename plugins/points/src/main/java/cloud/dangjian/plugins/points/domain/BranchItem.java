package cloud.dangjian.plugins.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/**
 * A branch-level item (支部积分项): points an organisation earns as a whole, or a correction of such an item. Written once,
 * never changed: the database refuses the application any UPDATE or DELETE on the table.
 */
@Entity
@Immutable
@Table(name = "points_branch_items")
public class BranchItem {

    /** An item, or a compensating correction of one. */
    public enum Kind {
        ITEM, CORRECTION
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    private long organisationId;

    @Column(nullable = false, updatable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;

    @Column(name = "corrects_id", updatable = false)
    private Long correctsId;

    @Column(nullable = false, updatable = false)
    private int points;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "granted_by", nullable = false, updatable = false)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    @Column(name = "granted_on", nullable = false, updatable = false)
    private LocalDate grantedOn;

    protected BranchItem() {
    }

    public BranchItem(long organisationId, Kind kind, Long correctsId, int points, String reason, String grantedBy,
            LocalDate grantedOn) {
        this.organisationId = organisationId;
        this.kind = kind;
        this.correctsId = correctsId;
        this.points = points;
        this.reason = reason;
        this.grantedBy = grantedBy;
        this.grantedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        this.grantedOn = grantedOn;
    }

    public Long id() {
        return id;
    }

    public long organisationId() {
        return organisationId;
    }

    public Kind kind() {
        return kind;
    }

    public Long correctsId() {
        return correctsId;
    }

    public int points() {
        return points;
    }

    public String reason() {
        return reason;
    }

    public String grantedBy() {
        return grantedBy;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public LocalDate grantedOn() {
        return grantedOn;
    }
}
