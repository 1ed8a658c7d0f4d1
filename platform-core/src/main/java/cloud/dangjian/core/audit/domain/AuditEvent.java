package cloud.dangjian.core.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One line of the audit trail: who did what, when, in which tenant, with what outcome. Never changed. */
@Entity
@Immutable
@Table(name = "audit_events")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt = Instant.now();

    private String username;

    @Column(nullable = false)
    private String action;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(nullable = false)
    private int status;

    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(String username, String action, String tenantId, int status, String detail) {
        this.username = username;
        this.action = action;
        this.tenantId = tenantId;
        this.status = status;
        this.detail = detail;
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String username() {
        return username;
    }

    public String action() {
        return action;
    }

    public String tenantId() {
        return tenantId;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }
}
