package cloud.dangjian.plugins.points.service;

import cloud.dangjian.core.event.DomainEvent;
import cloud.dangjian.core.member.domain.MemberRepository;
import cloud.dangjian.core.plugin.service.PluginStates;
import cloud.dangjian.core.plugin.spi.DomainEventConsumer;
import cloud.dangjian.plugins.points.PointsPlugin;
import cloud.dangjian.plugins.points.config.PointsConfig;
import cloud.dangjian.plugins.points.domain.EntryKind;
import cloud.dangjian.plugins.points.domain.NewEntry;
import cloud.dangjian.plugins.points.domain.Period;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * 系统自动积分: turns platform events into ledger entries under the tenant's rules. The rule names the event type; the
 * event's payload names the member ({@code memberId}). One event earns at most once (the core's processed-events record
 * and the ledger's unique source event id), and daily and period caps hold under concurrency because every decision is
 * taken under the tenant's append lock.
 */
@ApplicationScoped
public class AutomaticPoints implements DomainEventConsumer {

    public static final String ID = "points.automatic";

    private static final Logger LOG = Logger.getLogger(AutomaticPoints.class);

    @Inject
    PointsEventTypes eventTypes;

    @Inject
    PluginStates states;

    @Inject
    PointsPlugin plugin;

    @Inject
    PointsLedger ledger;

    @Inject
    MemberRepository members;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String pluginId() {
        return PointsPlugin.ID;
    }

    @Override
    public Set<String> eventTypes() {
        return eventTypes.all();
    }

    @Override
    public void consume(DomainEvent event) {
        PointsConfig config = states.configuration(plugin.descriptor());
        PointsConfig.Rule rule = config.ruleFor(event.type());
        if (rule == null) {
            return;
        }
        JsonNode memberNode = event.payload().get("memberId");
        if (memberNode == null || !memberNode.canConvertToLong()) {
            LOG.warnf("Event %s (%s) of tenant %s names no memberId; no points", event.id(), event.type(),
                    event.tenantId());
            return;
        }
        long memberId = memberNode.asLong();
        if (members.findByIdOptional(memberId).isEmpty()) {
            LOG.warnf("Event %s (%s) of tenant %s names member %d, who is not a member of the tenant; no points",
                    event.id(), event.type(), event.tenantId(), memberId);
            return;
        }
        ledger.lockTenant();
        if (ledger.hasEntryFor(event.id())) {
            return;
        }
        // The day the event happened, not the day it was delivered: a late redelivery counts where it belongs.
        LocalDate day = event.occurredAt().atZone(PointsLedger.ZONE).toLocalDate();
        int points = rule.points();
        if (rule.dailyCap() > 0) {
            points = (int) Math.min(points,
                    rule.dailyCap() - ledger.earnedUnderRule(memberId, rule.eventType(), day, day.plusDays(1)));
        }
        if (rule.periodCap() > 0) {
            Period period = Period.containing(config.appraisalPeriod(), day);
            points = (int) Math.min(points, rule.periodCap()
                    - ledger.earnedUnderRule(memberId, rule.eventType(), period.start(), period.end()));
        }
        if (points <= 0) {
            LOG.debugf("Member %d reached the cap of rule %s on %s", memberId, rule.eventType(), day);
            return;
        }
        String label = rule.label() == null || rule.label().isBlank() ? rule.eventType() : rule.label();
        String reason = points < rule.points() ? label + " (capped)" : label;
        ledger.append(new NewEntry(memberId, EntryKind.AUTOMATIC, rule.eventType(), null, null, points, reason,
                event.id(), "system:" + ID, day));
    }
}
