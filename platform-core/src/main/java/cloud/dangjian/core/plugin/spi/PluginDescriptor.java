package cloud.dangjian.core.plugin.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Everything the core needs to know about a plugin: who it is, what it may be configured with, what it lets people do,
 * what it says and hears, and where it appears. Built once with {@link #builder(String, Class)}.
 *
 * @param id
 *            a slug, also the plugin's URL segment ({@code /api/t/{tenant}/{id}/…}), permission area, migration folder
 *            ({@code db/migration/{id}}) and table prefix
 * @param configurationType
 *            a record whose components carry Bean Validation constraints; the core binds JSON to it
 * @param defaults
 *            the configuration a tenant gets when neither its region nor itself sets anything
 * @param regionOnlySettings
 *            configuration fields only a region administrator may set; a tenant's value for them is refused
 * @param publishes
 *            the event types it writes to the outbox; publishing another type fails
 * @param consumes
 *            the event types its consumers listen to (documentation and a start-up check)
 */
public record PluginDescriptor<C>(String id, LocalizedText name, LocalizedText description, String version,
        List<PermissionGrant> permissions, Class<C> configurationType, Supplier<C> defaults,
        Set<String> regionOnlySettings, Set<String> publishes, Set<String> consumes, List<MenuEntry> menu) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public PluginDescriptor {
        if (id == null || !ID.matcher(id).matches() || id.length() > 40) {
            throw new IllegalArgumentException("A plugin id is a lower-case slug of up to 40 characters: " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configurationType, "configurationType");
        Objects.requireNonNull(defaults, "defaults");
        for (PermissionGrant grant : permissions) {
            if (!grant.permission().startsWith(id + ":")) {
                throw new IllegalArgumentException(
                        "Plugin " + id + " may only declare permissions of its own area: " + grant.permission());
            }
        }
        for (String type : publishes) {
            if (!type.startsWith(id + ".")) {
                throw new IllegalArgumentException(
                        "Plugin " + id + " may only publish events named " + id + ".<what-happened>: " + type);
            }
        }
        permissions = List.copyOf(permissions);
        regionOnlySettings = Set.copyOf(regionOnlySettings);
        publishes = Set.copyOf(publishes);
        consumes = Set.copyOf(consumes);
        menu = List.copyOf(menu);
    }

    public static <C> Builder<C> builder(String id, Class<C> configurationType) {
        return new Builder<>(id, configurationType);
    }

    /** Assembles a descriptor; everything but the id, names and configuration is optional. */
    public static final class Builder<C> {
        private final String id;
        private final Class<C> configurationType;
        private LocalizedText name;
        private LocalizedText description = LocalizedText.of("", "");
        private String version = "1";
        private Supplier<C> defaults;
        private final List<PermissionGrant> permissions = new ArrayList<>();
        private Set<String> regionOnlySettings = Set.of();
        private Set<String> publishes = Set.of();
        private Set<String> consumes = Set.of();
        private final List<MenuEntry> menu = new ArrayList<>();

        private Builder(String id, Class<C> configurationType) {
            this.id = id;
            this.configurationType = configurationType;
        }

        public Builder<C> name(String zhCN, String en) {
            this.name = LocalizedText.of(zhCN, en);
            return this;
        }

        public Builder<C> description(String zhCN, String en) {
            this.description = LocalizedText.of(zhCN, en);
            return this;
        }

        public Builder<C> version(String version) {
            this.version = version;
            return this;
        }

        public Builder<C> defaults(Supplier<C> defaults) {
            this.defaults = defaults;
            return this;
        }

        public Builder<C> permission(PermissionGrant grant) {
            permissions.add(grant);
            return this;
        }

        public Builder<C> regionOnlySettings(String... fields) {
            this.regionOnlySettings = Set.of(fields);
            return this;
        }

        public Builder<C> publishes(String... eventTypes) {
            this.publishes = Set.of(eventTypes);
            return this;
        }

        public Builder<C> consumes(String... eventTypes) {
            this.consumes = Set.of(eventTypes);
            return this;
        }

        public Builder<C> menu(MenuEntry entry) {
            menu.add(entry);
            return this;
        }

        public PluginDescriptor<C> build() {
            return new PluginDescriptor<>(id, name, description, version, permissions, configurationType, defaults,
                    regionOnlySettings, publishes, consumes, menu);
        }
    }
}
