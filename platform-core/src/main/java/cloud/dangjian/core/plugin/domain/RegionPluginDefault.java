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
import org.hibernate.type.SqlTypes;

/** The settings (a partial JSON object) a region layers over one plugin's defaults for every tenant below it. */
@Entity
@Table(name = "region_plugin_defaults")
public class RegionPluginDefault {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "region_id", nullable = false, updatable = false)
    private Long regionId;

    @Column(name = "plugin_id", nullable = false, updatable = false)
    private String pluginId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> config = new LinkedHashMap<>();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected RegionPluginDefault() {
    }

    public RegionPluginDefault(Long regionId, String pluginId) {
        this.regionId = regionId;
        this.pluginId = pluginId;
    }

    public void change(Map<String, Object> config, String updatedBy) {
        this.config = new LinkedHashMap<>(config);
        this.updatedBy = updatedBy;
        this.updatedAt = Instant.now();
    }

    public Long regionId() {
        return regionId;
    }

    public String pluginId() {
        return pluginId;
    }

    public Map<String, Object> config() {
        return config;
    }
}
