package cloud.dangjian.core.member.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One unit of Keycloak work for a member, queued in the transaction that changed the member. Platform-level (the worker
 * claims tasks of all tenants at once); it carries its tenant and is only ever read for one member at a time by tenant
 * code, after the member itself was found through row-level security.
 */
@Entity
@Table(name = "account_tasks")
public class AccountTask {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "member_id", nullable = false, updatable = false)
    private Long memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AccountAction action;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt = Instant.now();

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "failed_at")
    private Instant failedAt;

    protected AccountTask() {
    }

    AccountTask(String tenantId, long memberId, AccountAction action) {
        this.tenantId = tenantId;
        this.memberId = memberId;
        this.action = action;
    }

    public Long id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public Long memberId() {
        return memberId;
    }

    public AccountAction action() {
        return action;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant doneAt() {
        return doneAt;
    }

    public Instant failedAt() {
        return failedAt;
    }
}
