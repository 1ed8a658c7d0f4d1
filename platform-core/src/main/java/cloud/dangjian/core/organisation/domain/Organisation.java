package cloud.dangjian.core.organisation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.TenantId;

/**
 * A party organisation inside a tenant (党委, 党总支, 党支部 or 党小组). {@code path} holds the codes from the root
 * ({@code /c01/b03/}) so that a subtree is one prefix query and a move rewrites the paths below it.
 */
@Entity
@Table(name = "organisations")
public class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganisationKind kind;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(nullable = false)
    private String path;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = createdAt;

    @Version
    private long version;

    protected Organisation() {
    }

    public Organisation(String code, String name, OrganisationKind kind, Organisation parent) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        placeUnder(parent);
    }

    /** The path an organisation with this code gets under {@code parent} (or at the root). */
    public static String pathUnder(Organisation parent, String code) {
        return (parent == null ? "/" : parent.path) + code + "/";
    }

    public void rename(String name) {
        this.name = name;
        this.updatedAt = Instant.now();
    }

    /** Moves this organisation only; the caller rewrites the paths of its descendants. */
    public void placeUnder(Organisation parent) {
        this.parentId = parent == null ? null : parent.id;
        this.path = pathUnder(parent, code);
        this.updatedAt = Instant.now();
    }

    /** Whether {@code other} is this organisation or lies below it. */
    public boolean contains(Organisation other) {
        return other.path.startsWith(path);
    }

    public Long id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public OrganisationKind kind() {
        return kind;
    }

    public Long parentId() {
        return parentId;
    }

    public String path() {
        return path;
    }

    public long version() {
        return version;
    }
}
