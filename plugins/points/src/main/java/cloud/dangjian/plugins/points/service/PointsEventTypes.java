package cloud.dangjian.plugins.points.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The event types automatic rules can name. Consumers declare their types when the application starts, so the set is
 * fixed per deployment: the documented events of the four planned plugins, plus whatever the deployment lists in
 * {@code dangjian.points.extra-event-types} (no code change, one restart). A rule naming a type outside this set would
 * never fire, so the plugin refuses such a rule when a tenant saves it.
 */
@ApplicationScoped
public class PointsEventTypes {

    /** The events the four planned plugins are to publish, each with {@code memberId} in its payload. */
    public static final List<String> KNOWN = List.of("learning.course-completed", "meetings.signed-in",
            "live-contests.joined", "crowdfunding.pledge-fulfilled");

    private final Set<String> all;

    public PointsEventTypes(
            @ConfigProperty(name = "dangjian.points.extra-event-types") Optional<List<String>> extraEventTypes) {
        Set<String> types = new LinkedHashSet<>(KNOWN);
        extraEventTypes
                .ifPresent(extra -> extra.stream().map(String::trim).filter(t -> !t.isEmpty()).forEach(types::add));
        this.all = Set.copyOf(types);
    }

    /** Every event type the automatic points consumer listens to. */
    public Set<String> all() {
        return all;
    }
}
