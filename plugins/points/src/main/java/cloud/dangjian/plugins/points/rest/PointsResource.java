package cloud.dangjian.plugins.points.rest;

import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.identity.service.TenantAccess;
import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.plugin.service.PluginStates;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.plugins.points.PointsPlugin;
import cloud.dangjian.plugins.points.domain.LedgerEntry;
import cloud.dangjian.plugins.points.domain.Period;
import cloud.dangjian.plugins.points.service.AppraisalSheets;
import cloud.dangjian.plugins.points.service.LedgerVerification;
import cloud.dangjian.plugins.points.service.MemberLink;
import cloud.dangjian.plugins.points.service.PointsAwards;
import cloud.dangjian.plugins.points.service.PointsLedger;
import cloud.dangjian.plugins.points.service.PointsStandings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The points API: a member's own points, reviews, rankings, awards, corrections and the ledger's verification. */
@Path("/api/t/{tenant}/points")
public class PointsResource {

    /** A bonus award (附加积分). */
    public record NewAward(@NotNull Long memberId, @NotNull Integer points, @NotBlank @Size(max = 500) String reason) {
    }

    /** A compensating entry for an earlier one; without points it undoes what remains of the entry. */
    public record NewCorrection(@NotNull Long entryId, Integer points, @NotBlank @Size(max = 500) String reason) {
    }

    /** A member's points in a period and where they stand. */
    public record Standing(PointsStandings.Balance balance, PointsStandings.Rank inBranch,
            PointsStandings.Rank inTenant) {
    }

    /** A ranking of members, with one member's own rank when asked for. */
    public record MemberRanking(String period, List<PointsStandings.MemberStanding> top, Long memberId,
            PointsStandings.Rank member) {
    }

    @Inject
    PointsStandings standings;

    @Inject
    PointsLedger ledger;

    @Inject
    PointsAwards awards;

    @Inject
    LedgerVerification verification;

    @Inject
    MemberLink link;

    @Inject
    Caller caller;

    @Inject
    TenantAccess access;

    @Inject
    PluginStates states;

    @Inject
    PointsPlugin plugin;

    @GET
    @Path("/me")
    @RequiresPermission(PointsPlugin.READ)
    @Operation(summary = "My points in a period (default: the current appraisal period) and my rank in branch and tenant")
    public Standing mine(@PathParam("tenant") String tenant, @QueryParam("period") String period) {
        return standing(me(), period(period));
    }

    @GET
    @Path("/me/history")
    @RequiresPermission(PointsPlugin.READ)
    @Operation(summary = "My ledger entries of a period, newest first, each with its reason")
    public List<LedgerEntry> myHistory(@PathParam("tenant") String tenant, @QueryParam("period") String period,
            @QueryParam("limit") Integer limit) {
        Period p = period(period);
        long member = me();
        return QuarkusTransaction.joiningExisting()
                .call(() -> ledger.history(member, p.start(), p.end(), limit(limit, 500)));
    }

    @GET
    @Path("/members/{memberId}")
    @RequiresPermission(PointsPlugin.REVIEW)
    @Operation(summary = "A member's points in a period and rank in branch and tenant")
    public Standing member(@PathParam("tenant") String tenant, @PathParam("memberId") long memberId,
            @QueryParam("period") String period) {
        return standing(memberId, period(period));
    }

    @GET
    @Path("/members/{memberId}/history")
    @RequiresPermission(PointsPlugin.REVIEW)
    @Operation(summary = "A member's ledger entries of a period, newest first")
    @Transactional
    public List<LedgerEntry> memberHistory(@PathParam("tenant") String tenant, @PathParam("memberId") long memberId,
            @QueryParam("period") String period, @QueryParam("limit") Integer limit) {
        standings.branchOf(memberId);
        Period p = period(period);
        return ledger.history(memberId, p.start(), p.end(), limit(limit, 500));
    }

    @GET
    @Path("/rankings/members")
    @RequiresPermission(PointsPlugin.READ)
    @Operation(summary = "The top members of a period, in the tenant or an organisation's subtree, and one member's rank")
    public MemberRanking memberRanking(@PathParam("tenant") String tenant, @QueryParam("period") String period,
            @QueryParam("organisation") Long organisationId, @QueryParam("limit") Integer limit,
            @QueryParam("member") Long memberId) {
        Period p = period(period);
        Organisation scope = standings.scope(organisationId);
        List<PointsStandings.MemberStanding> top = standings.topMembers(scope, p, limit(limit, 200));
        Long subject = memberId;
        if (subject != null) {
            access.requirePermission(PointsPlugin.REVIEW);
            standings.branchOf(subject);
        } else {
            subject = linkedMember().orElse(null);
        }
        return new MemberRanking(p.key(), top, subject, subject == null ? null : standings.rank(subject, scope, p));
    }

    @GET
    @Path("/rankings/branches")
    @RequiresPermission(PointsPlugin.READ)
    @Operation(summary = "Branches of a period ranked by their members' points per head")
    public List<PointsStandings.BranchStanding> branchRanking(@PathParam("tenant") String tenant,
            @QueryParam("period") String period, @QueryParam("organisation") Long organisationId,
            @QueryParam("limit") Integer limit) {
        return standings.topBranches(standings.scope(organisationId), period(period), limit(limit, 200));
    }

    @GET
    @Path("/trends")
    @RequiresPermission(PointsPlugin.REVIEW)
    @Operation(summary = "Points, entries and active members month by month over a span of periods (default: this year)")
    public List<PointsStandings.TrendPoint> trends(@PathParam("tenant") String tenant, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("organisation") Long organisationId) {
        LocalDate today = LocalDate.now(PointsLedger.ZONE);
        Period first = from == null || from.isBlank() ? Period.parse(String.valueOf(today.getYear()), "from")
                : Period.parse(from, "from");
        Period last = to == null || to.isBlank() ? first : Period.parse(to, "to");
        if (last.end().isBefore(first.start()) || !last.end().isAfter(first.start())) {
            throw ProblemException.invalidField("to", "the span ends before it starts");
        }
        if (first.start().plusMonths(60).isBefore(last.end())) {
            throw ProblemException.invalidField("to", "a trend covers at most 60 months");
        }
        return standings.trend(standings.scope(organisationId), first.start(), last.end());
    }

    @GET
    @Path("/inactive")
    @RequiresPermission(PointsPlugin.REVIEW)
    @Operation(summary = "Members who earned nothing in a period")
    public List<PointsStandings.Inactive> inactive(@PathParam("tenant") String tenant,
            @QueryParam("period") String period, @QueryParam("organisation") Long organisationId,
            @QueryParam("limit") Integer limit) {
        return standings.inactive(standings.scope(organisationId), period(period), limit(limit, 1000));
    }

    @GET
    @Path("/appraisal.csv")
    @Produces("text/csv")
    @RequiresPermission(PointsPlugin.REVIEW)
    @Operation(summary = "The appraisal sheet of a period as CSV: every member with points by kind and rank")
    public Response appraisalSheet(@PathParam("tenant") String tenant, @QueryParam("period") String period,
            @QueryParam("organisation") Long organisationId) {
        Period p = period(period);
        String csv = AppraisalSheets.csv(standings.sheet(standings.scope(organisationId), p));
        return AppraisalSheets.download(csv, AppraisalSheets.fileName(tenant, p.key()));
    }

    @GET
    @Path("/appraisal-branches.csv")
    @Produces("text/csv")
    @RequiresPermission(PointsPlugin.REVIEW)
    @Operation(summary = "The branch appraisal sheet of a period as CSV: every branch with members, per-head points, branch-level items, score and rank")
    public Response branchAppraisalSheet(@PathParam("tenant") String tenant, @QueryParam("period") String period,
            @QueryParam("organisation") Long organisationId) {
        Period p = period(period);
        String csv = AppraisalSheets
                .branchCsv(standings.topBranches(standings.scope(organisationId), p, AppraisalSheets.BRANCHES_AT_MOST));
        return AppraisalSheets.download(csv, AppraisalSheets.branchFileName(tenant, p.key()));
    }

    @POST
    @Path("/awards")
    @RequiresPermission(PointsPlugin.AWARD)
    @Operation(summary = "Award bonus points (附加积分) to a member inside your organisation, with a reason")
    public Response award(@PathParam("tenant") String tenant, @Valid @NotNull NewAward body) {
        LedgerEntry entry = awards.award(body.memberId(), body.points(), body.reason(), caller.username());
        return Response.status(Response.Status.CREATED).entity(entry).build();
    }

    @POST
    @Path("/corrections")
    @RequiresPermission(PointsPlugin.AWARD)
    @Operation(summary = "Correct an entry with a compensating entry and a reason; entries are never edited")
    public Response correct(@PathParam("tenant") String tenant, @Valid @NotNull NewCorrection body) {
        LedgerEntry entry = awards.correct(body.entryId(), body.points(), body.reason(), caller.username());
        return Response.status(Response.Status.CREATED).entity(entry).build();
    }

    @GET
    @Path("/verify")
    @RequiresPermission(PointsPlugin.VERIFY)
    @Operation(summary = "Recompute the tenant's ledger hash chain and report the first entry that does not fit")
    public LedgerVerification.Result verify(@PathParam("tenant") String tenant) {
        return verification.verify();
    }

    private Standing standing(long memberId, Period period) {
        PointsStandings.Balance balance = standings.balance(memberId, period);
        Organisation branch = standings.branchOf(memberId);
        return new Standing(balance, standings.rank(memberId, branch, period), standings.rank(memberId, null, period));
    }

    private long me() {
        return linkedMember().orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "no-member-record",
                "No member record",
                "Your login '" + caller.username()
                        + "' is not linked to a member record in this tenant; ask your branch secretary to link it",
                null, null));
    }

    private java.util.Optional<Long> linkedMember() {
        return QuarkusTransaction.joiningExisting().call(() -> link.memberOf(caller.username()));
    }

    private Period period(String key) {
        if (key == null || key.isBlank()) {
            return Period.containing(states.configuration(plugin.descriptor()).appraisalPeriod(),
                    LocalDate.now(PointsLedger.ZONE));
        }
        return Period.parse(key, "period");
    }

    static int limit(Integer limit, int max) {
        if (limit == null) {
            return Math.min(50, max);
        }
        if (limit < 1 || limit > max) {
            throw ProblemException.invalidField("limit", "limit is between 1 and " + max + "; " + limit + " is not");
        }
        return limit;
    }
}
