package cloud.dangjian.plugins.points.service;

import cloud.dangjian.core.identity.service.TenantAccess;
import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.organisation.domain.OrganisationKind;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
import cloud.dangjian.core.plugin.service.PluginStates;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.CurrentTenant;
import cloud.dangjian.plugins.points.PointsPlugin;
import cloud.dangjian.plugins.points.config.PointsConfig;
import cloud.dangjian.plugins.points.domain.BranchItem;
import cloud.dangjian.plugins.points.domain.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Branch-level items (支部积分项): points a branch earns as a whole — 支部获评先进, 三会一课 held — granted with a reason by someone
 * whose role the tenant's {@code approvers.branch} setting names, inside their organisation subtree. Branch rankings
 * add a period's items to the members' points per head. Append-only: a correction is a compensating item with a reason,
 * and an item and its corrections always stay between 0 and the item's own points.
 */
@ApplicationScoped
public class BranchItems {

    /** First key of the advisory lock that serialises a tenant's corrections of branch items ("PNTB"). */
    private static final int LOCK_CLASS = 0x504E5442;

    /** An item or correction as the API and pages show it. */
    public record Item(long id, long organisationId, String organisationCode, String organisationName,
            BranchItem.Kind kind, Long correctsId, int points, String reason, String grantedBy, Instant grantedAt,
            LocalDate grantedOn) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    OrganisationRepository organisations;

    @Inject
    TenantAccess access;

    @Inject
    PluginStates states;

    @Inject
    PointsPlugin plugin;

    @Inject
    PointsApprovers approvers;

    /** Grants a branch {@code points} (1..maxBranchItemPoints) with a reason. */
    @Transactional
    public Item grant(long organisationId, int points, String reason, String grantedBy) {
        PointsConfig config = states.configuration(plugin.descriptor());
        if (points < 1 || points > config.maxBranchItemPoints()) {
            throw ProblemException.invalidField("points",
                    "a branch item is between 1 and " + config.maxBranchItemPoints()
                            + " points (the tenant's maxBranchItemPoints setting); " + points + " is not");
        }
        approvers.require(PointsApprovers.Kind.BRANCH);
        Organisation organisation = requireOrganisation(organisationId, "organisationId");
        if (organisation.kind() != OrganisationKind.BRANCH) {
            throw ProblemException.invalidField("organisationId",
                    "organisation '" + organisation.code() + "' is a " + organisation.kind()
                            + "; branch-level items go to branches (党支部), the organisations branch rankings rank");
        }
        access.requireWritable(organisation, "organisationId");
        BranchItem item = new BranchItem(organisationId, BranchItem.Kind.ITEM, null, points, requireReason(reason),
                grantedBy, PointsAwards.today());
        entityManager.persist(item);
        entityManager.flush();
        return view(item, organisation);
    }

    /**
     * Compensates an item, wholly (points null) or in part; never an edit. Corrections of one tenant's branch items are
     * serialised by an advisory lock, so two at once cannot both take what remains.
     */
    @Transactional
    public Item correct(long itemId, Integer points, String reason, String grantedBy) {
        approvers.require(PointsApprovers.Kind.CORRECTION);
        entityManager.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1, hashtext(?2))) l")
                .setParameter(1, LOCK_CLASS).setParameter(2, currentTenant.require()).getSingleResult();
        BranchItem item = entityManager.find(BranchItem.class, itemId);
        if (item == null) {
            throw ProblemException.notFound("Branch item", itemId);
        }
        if (item.kind() == BranchItem.Kind.CORRECTION) {
            throw ProblemException.invalidField("itemId",
                    "branch item " + itemId + " is itself a correction; correct the item it corrects");
        }
        Organisation organisation = organisations.findById(item.organisationId());
        access.requireWritable(organisation, "itemId");
        Number corrected = (Number) entityManager.createNativeQuery("""
                SELECT coalesce(sum(points), 0) FROM points_branch_items
                WHERE tenant_id = ?1 AND corrects_id = ?2""").setParameter(1, currentTenant.require())
                .setParameter(2, itemId).getSingleResult();
        long remaining = item.points() + corrected.longValue();
        int change = points == null ? (int) -remaining : points;
        long after = remaining + change;
        if (change == 0 || after < 0 || after > item.points()) {
            throw ProblemException.invalidField("points", "branch item " + itemId + " stands at " + remaining
                    + " points after earlier corrections; a correction must change it and keep it between 0 and "
                    + item.points() + ", so " + change + " is refused");
        }
        BranchItem correction = new BranchItem(item.organisationId(), BranchItem.Kind.CORRECTION, itemId, change,
                requireReason(reason), grantedBy, PointsAwards.today());
        entityManager.persist(correction);
        entityManager.flush();
        return view(correction, organisation);
    }

    /** Items and corrections of a period, newest first, in an organisation's subtree (null: the tenant). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Item> list(Organisation scope, Period period, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT i.id, i.organisation_id, o.code, o.name, i.kind, i.corrects_id, i.points, i.reason, i.granted_by,
                       i.granted_at, i.granted_on
                FROM points_branch_items i
                JOIN organisations o ON o.tenant_id = i.tenant_id AND o.id = i.organisation_id
                WHERE i.tenant_id = ?1 AND i.granted_on >= ?2 AND i.granted_on < ?3 AND starts_with(o.path, ?4)
                ORDER BY i.id DESC LIMIT ?5""").setParameter(1, currentTenant.require()).setParameter(2, period.start())
                .setParameter(3, period.end()).setParameter(4, scope == null ? "/" : scope.path())
                .setParameter(5, limit).getResultList();
        return rows.stream()
                .map(r -> new Item(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                        (String) r[3], BranchItem.Kind.valueOf((String) r[4]),
                        r[5] == null ? null : ((Number) r[5]).longValue(), ((Number) r[6]).intValue(), (String) r[7],
                        (String) r[8], instant(r[9]), date(r[10])))
                .toList();
    }

    /** The organisation of this tenant, or 404 as if it did not exist (another tenant's is not visible here). */
    @Transactional
    public Organisation requireOrganisation(long organisationId, String field) {
        Organisation organisation = organisations.findById(organisationId);
        if (organisation == null) {
            throw new ProblemException(jakarta.ws.rs.core.Response.Status.NOT_FOUND, "not-found", "Not found",
                    "Organisation '" + organisationId + "' does not exist in this tenant", field, null);
        }
        return organisation;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "a branch item needs a reason");
        }
        return reason.strip();
    }

    private static Item view(BranchItem item, Organisation organisation) {
        return new Item(item.id(), item.organisationId(), organisation.code(), organisation.name(), item.kind(),
                item.correctsId(), item.points(), item.reason(), item.grantedBy(), item.grantedAt(), item.grantedOn());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value);
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate day) {
            return day;
        }
        if (value instanceof java.sql.Date day) {
            return day.toLocalDate();
        }
        throw new IllegalStateException("Unexpected date type " + value);
    }
}
