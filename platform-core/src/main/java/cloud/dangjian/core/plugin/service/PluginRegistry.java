package cloud.dangjian.core.plugin.service;

import cloud.dangjian.core.plugin.spi.DangjianPlugin;
import cloud.dangjian.core.plugin.spi.PluginDescriptor;
import cloud.dangjian.core.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Every plugin on the classpath, found through CDI at start-up; the core lists none by name. Refuses to start when two
 * plugins share an id or a plugin takes a URL segment the core uses, so a clash is found at build time, not by users.
 */
@ApplicationScoped
public class PluginRegistry {

    private static final Logger LOG = Logger.getLogger(PluginRegistry.class);

    /** Segments of {@code /api/t/{tenant}/…} that belong to the core. */
    static final Set<String> CORE_SEGMENTS = Set.of("plugins", "organisations", "members", "applicants", "audit",
            "files", "imports", "me", "events", "platform");

    @Inject
    @Any
    Instance<DangjianPlugin<?>> discovered;

    private Map<String, DangjianPlugin<?>> byId = Map.of();

    @PostConstruct
    void discover() {
        Map<String, DangjianPlugin<?>> found = new TreeMap<>();
        for (DangjianPlugin<?> plugin : discovered) {
            String id = plugin.descriptor().id();
            if (CORE_SEGMENTS.contains(id)) {
                throw new IllegalStateException("Plugin id '" + id + "' is a URL segment of the core");
            }
            DangjianPlugin<?> clash = found.put(id, plugin);
            if (clash != null) {
                throw new IllegalStateException("Two plugins share the id '" + id + "': " + clash.getClass().getName()
                        + " and " + plugin.getClass().getName());
            }
        }
        byId = Collections.unmodifiableMap(found);
        LOG.infof("Plugins on the classpath: %s", found.isEmpty() ? "none" : String.join(", ", found.keySet()));
    }

    /** Every plugin, ordered by id. */
    public Collection<DangjianPlugin<?>> all() {
        return byId.values();
    }

    public Optional<DangjianPlugin<?>> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean isPlugin(String id) {
        return byId.containsKey(id);
    }

    /** The plugin with this id, or a 404 naming it. */
    public DangjianPlugin<?> require(String id) {
        DangjianPlugin<?> plugin = byId.get(id);
        if (plugin == null) {
            throw ProblemException.notFound("Plugin", id);
        }
        return plugin;
    }

    /** The descriptor of the plugin that owns an event type ({@code <plugin-id>.<what>}), if a plugin owns it. */
    public Optional<PluginDescriptor<?>> ownerOfEventType(String eventType) {
        int dot = eventType.indexOf('.');
        return dot < 0 ? Optional.empty() : find(eventType.substring(0, dot)).map(DangjianPlugin::descriptor);
    }
}
