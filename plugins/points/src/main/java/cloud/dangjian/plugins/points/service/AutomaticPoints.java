package cloud.dangjian.plugins.points.service;

import cloud.dangjian.core.event.DomainEvent;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * 系统自动积分: turns platform events into ledger entries under the tenant's rules. The rule names the event type; the
 * event's payload names the member ({@code memberId}). One event earns at most once (the core's processed-events record
 * and the ledger's unique source event id), and daily and period caps hold under concurrency because every decision is
 * taken under the tenant's append lock.
 * <p>
 * Events come in batches ({@link #consumeBatch}): one lock, one look-up of the members and of events that already
 * earned, one read of the points already earned under capped rules, then the caps are applied in memory in the order of
 * the events and the entries appended with one multi-row insert.
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
        consumeBatch(List.of(event));
    }

    /** An event a rule pays for, on the tenant's day it happened. */
    private record Earning(DomainEvent event, PointsConfig.Rule rule, long memberId, LocalDate day) {
    }

    /** Points already earned by a member under a rule on a day or in a period. */
    private record CapKey(long memberId, String eventType, Object dayOrPeriod) {
    }

    @Override
    public void consumeBatch(List<DomainEvent> events) {
        PointsConfig config = states.configuration(plugin.descriptor());
        List<Earning> earnings = new ArrayList<>(events.size());
        for (DomainEvent event : events) {
            PointsConfig.Rule rule = config.ruleFor(event.type());
            if (rule == null) {
                continue;
            }
            JsonNode memberNode = event.payload().get("memberId");
            if (memberNode == null || !memberNode.canConvertToLong()) {
                LOG.warnf("Event %s (%s) of tenant %s names no memberId; no points", event.id(), event.type(),
                        event.tenantId());
                continue;
            }
            // The day the event happened, not the day it was delivered: a late redelivery counts where it belongs.
            earnings.add(new Earning(event, rule, memberNode.asLong(),
                    event.occurredAt().atZone(PointsLedger.ZONE).toLocalDate()));
        }
        if (earnings.isEmpty()) {
            return;
        }
        Set<Long> members = ledger.existingMembers(earnings.stream().map(Earning::memberId).distinct().toList());
        ledger.lockTenant();
        Set<UUID> earnedBefore = ledger.entriesFor(earnings.stream().map(e -> e.event().id()).toList());
        Map<CapKey, Long> earned = earnedUnderCappedRules(config, earnings);
        List<NewEntry> entries = new ArrayList<>(earnings.size());
        Set<UUID> seen = new HashSet<>();
        for (Earning earning : earnings) {
            DomainEvent event = earning.event();
            PointsConfig.Rule rule = earning.rule();
            long memberId = earning.memberId();
            if (!members.contains(memberId)) {
                LOG.warnf("Event %s (%s) of tenant %s names member %d, who is not a member of the tenant; no points",
                        event.id(), event.type(), event.tenantId(), memberId);
                continue;
            }
            if (earnedBefore.contains(event.id()) || !seen.add(event.id())) {
                continue;
            }
            CapKey dayKey = new CapKey(memberId, rule.eventType(), earning.day());
            CapKey periodKey = new CapKey(memberId, rule.eventType(),
                    Period.containing(config.appraisalPeriod(), earning.day()).key());
            int points = rule.points();
            if (rule.dailyCap() > 0) {
                points = (int) Math.min(points, rule.dailyCap() - earned.getOrDefault(dayKey, 0L));
            }
            if (rule.periodCap() > 0) {
                points = (int) Math.min(points, rule.periodCap() - earned.getOrDefault(periodKey, 0L));
            }
            if (points <= 0) {
                LOG.debugf("Member %d reached the cap of rule %s on %s", memberId, rule.eventType(), earning.day());
                continue;
            }
            earned.merge(dayKey, (long) points, Long::sum);
            earned.merge(periodKey, (long) points, Long::sum);
            String label = rule.label() == null || rule.label().isBlank() ? rule.eventType() : rule.label();
            String reason = points < rule.points() ? label + " (capped)" : label;
            entries.add(new NewEntry(memberId, EntryKind.AUTOMATIC, rule.eventType(), null, null, points, reason,
                    event.id(), "system:" + ID, earning.day()));
        }
        ledger.appendAll(entries);
    }

    /**
     * What the batch's members already earned under its capped rules, per day and per appraisal period, over the
     * periods its events fall in; read under the tenant's lock, so nothing is added to it meanwhile.
     */
    private Map<CapKey, Long> earnedUnderCappedRules(PointsConfig config, List<Earning> earnings) {
        Map<CapKey, Long> earned = new HashMap<>();
        Set<Long> memberIds = new HashSet<>();
        Set<String> rules = new HashSet<>();
        LocalDate from = null;
        LocalDate until = null;
        for (Earning earning : earnings) {
            if (earning.rule().dailyCap() <= 0 && earning.rule().periodCap() <= 0) {
                continue;
            }
            memberIds.add(earning.memberId());
            rules.add(earning.rule().eventType());
            Period period = Period.containing(config.appraisalPeriod(), earning.day());
            from = from == null || period.start().isBefore(from) ? period.start() : from;
            until = until == null || period.end().isAfter(until) ? period.end() : until;
        }
        if (memberIds.isEmpty()) {
            return earned;
        }
        for (PointsLedger.Earned row : ledger.earnedUnderRules(memberIds, rules, from, until)) {
            earned.merge(new CapKey(row.memberId(), row.eventType(), row.day()), row.points(), Long::sum);
            earned.merge(new CapKey(row.memberId(), row.eventType(),
                    Period.containing(config.appraisalPeriod(), row.day()).key()), row.points(), Long::sum);
        }
        return earned;
    }
}
