package cloud.dangjian.core.tenancy.domain;

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
 * A node of a region tree (区域). Platform-level, not tenant-owned: region administrators act on every tenant below their
 * region. {@code path} holds the codes from the root ({@code /zjg/zjg-area-1/}) so a subtree is a prefix query.
 */
@Entity
@Table(name = "regions")
public class Region {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private RegionLevel level;

    @Column(name = "parent_id", updatable = false)
    private Long parentId;

    @Column(nullable = false, updatable = false)
    private String path;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected Region() {
    }

    public Region(String code, String name, RegionLevel level, Region parent) {
        this.code = code;
        this.name = name;
        this.level = level;
        this.parentId = parent == null ? null : parent.id;
        this.path = (parent == null ? "/" : parent.path) + code + "/";
    }

    /** Whether {@code other} is this region or one of its descendants. */
    public boolean contains(Region other) {
        return other.path.startsWith(path);
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
    }

    public RegionLevel level() {
        return level;
    }

    public Long parentId() {
        return parentId;
    }

    public String path() {
        return path;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
