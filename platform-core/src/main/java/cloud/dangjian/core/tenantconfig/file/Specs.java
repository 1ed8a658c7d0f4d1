package cloud.dangjian.core.tenantconfig.file;

import cloud.dangjian.core.identity.domain.Role;
import cloud.dangjian.core.onboarding.file.TabularRow;
import cloud.dangjian.core.tenancy.domain.RegionLevel;
import cloud.dangjian.core.tenancy.domain.TenantType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What tenant-config files declare, once read. Each spec remembers its document so errors can point into it. */
public final class Specs {

    private Specs() {
    }

    /** A region file: the region, the plugin defaults it sets for every tenant below, its administrators. */
    public record RegionSpec(YamlDocument document, String code, String name, RegionLevel level, String parent,
            Map<String, Map<String, Object>> pluginDefaults, List<String> administrators) {
    }

    /** A tenant file: the tenant, its plan, its plugin switches, its people and organisation files. */
    public record TenantSpec(YamlDocument document, String id, String name, TenantType type, String region,
            PlanSpec plan, Map<String, PluginSpec> plugins, List<MembershipSpec> memberships, CsvSpec organisations,
            CsvSpec members) {
    }

    public record PlanSpec(List<String> plugins, int memberQuota, LocalDate expiresOn) {
    }

    /** A plugin switch; {@code config} null leaves the tenant's own settings as they are. */
    public record PluginSpec(boolean enabled, Map<String, Object> config) {
    }

    /**
     * A user's role in the tenant; {@code organisation} is an organisation code, for branch secretaries; {@code member}
     * the code of the member record the login belongs to, if the file links one.
     */
    public record MembershipSpec(String username, Role role, String organisation, String member, String path) {
    }

    /** A CSV beside the tenant file, in the onboarding format with the tenant column optional. */
    public record CsvSpec(String file, List<TabularRow> rows) {
    }
}
