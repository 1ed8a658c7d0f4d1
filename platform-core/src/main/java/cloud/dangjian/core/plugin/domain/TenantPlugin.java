package cloud.dangjian.core.plugin.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** A tenant's own decision about one plugin: on or off, and the settings it overrides. */
@Entity
@Table(name = "tenant_plugins")
public class TenantPlugin {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "plugin_id", nullable = false, updatable = false)
    private String pluginId;

    @Column(nullable = false)
    private boolean enabled;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> config = new LinkedHashMap<>();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected TenantPlugin() {
    }

    public TenantPlugin(String pluginId, boolean enabled, Map<String, Object> config, String updatedBy) {
        this.pluginId = pluginId;
        change(enabled, config, updatedBy);
    }

    public void change(boolean enabled, Map<String, Object> config, String updatedBy) {
        this.enabled = enabled;
        this.config = new LinkedHashMap<>(config);
        this.updatedBy = updatedBy;
        this.updatedAt = Instant.now();
    }

    public String pluginId() {
        return pluginId;
    }

    public boolean enabled() {
        return enabled;
    }

    public Map<String, Object> config() {
        return config;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
