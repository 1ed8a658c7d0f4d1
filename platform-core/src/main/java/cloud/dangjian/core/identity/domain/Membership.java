package cloud.dangjian.core.identity.domain;

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
 * Who (a Keycloak username) holds which role where: on the platform, in a region subtree, in a tenant, or in an
 * organisation subtree of a tenant. Platform-level: read across tenants to answer "who is this caller?".
 */
@Entity
@Table(name = "memberships")
public class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Role role;

    @Column(name = "region_id", updatable = false)
    private Long regionId;

    @Column(name = "tenant_id", updatable = false)
    private String tenantId;

    @Column(name = "organisation_id", updatable = false)
    private Long organisationId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected Membership() {
    }

    public Membership(String username, Role role, Long regionId, String tenantId, Long organisationId) {
        this.username = username;
        this.role = role;
        this.regionId = regionId;
        this.tenantId = tenantId;
        this.organisationId = organisationId;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public Role role() {
        return role;
    }

    public Long regionId() {
        return regionId;
    }

    public String tenantId() {
        return tenantId;
    }

    public Long organisationId() {
        return organisationId;
    }
}
