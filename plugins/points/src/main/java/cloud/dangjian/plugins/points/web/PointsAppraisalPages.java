package cloud.dangjian.plugins.points.web;

import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.member.domain.Member;
import cloud.dangjian.core.member.domain.MemberRepository;
import cloud.dangjian.core.plugin.service.PluginStates;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.web.service.Locales;
import cloud.dangjian.core.web.service.ShellAccess;
import cloud.dangjian.plugins.points.PointsPlugin;
import cloud.dangjian.plugins.points.domain.LedgerEntry;
import cloud.dangjian.plugins.points.domain.Period;
import cloud.dangjian.plugins.points.service.AppraisalSheets;
import cloud.dangjian.plugins.points.service.LedgerVerification;
import cloud.dangjian.plugins.points.service.PointsAwards;
import cloud.dangjian.plugins.points.service.PointsLedger;
import cloud.dangjian.plugins.points.service.PointsStandings;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 积分考核 for branch secretaries and administrators: member and branch rankings of a period, the months of its year,
 * members without activity, the appraisal sheet to download, one member's entries, and (by permission) bonus awards,
 * corrections and the ledger's verification.
 */
@Path("/t/{tenant}/points/appraisal")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PointsAppraisalPages {

    /** What the page shows. */
    public record Page(String tenant, String csrf, List<PointsShell.PeriodGroup> periods, String periodKey,
            String period, String periodError, List<MemberRow> members, List<BranchRow> branches, String trendYear,
            List<TrendRow> trend, long trendMax, List<InactiveRow> inactive, boolean inactiveMore, String sheetHref,
            Optional<MemberDetail> detail, boolean canAward, AwardForm award, CorrectionForm correction,
            boolean canVerify, Optional<VerifyView> verify, String notice) {
    }

    /** One line of the member ranking. */
    public record MemberRow(String rank, String code, String name, String branch, String total, String href) {
    }

    /** One line of the branch ranking. */
    public record BranchRow(String rank, String code, String name, String members, String total, String perHead,
            String items, String score) {
    }

    /** One month of the trend; {@code value} feeds the bar. */
    public record TrendRow(String month, String total, long value, String entries, String active) {
    }

    /** A member without activity. */
    public record InactiveRow(String code, String name, String branch, String href) {
    }

    /** One member's entries in the period, each correctable by its number. */
    public record MemberDetail(String code, String name, String branch, String total,
            List<PointsShell.HistoryLine> history) {
    }

    /** The bonus form: what was typed and the error beside each field. */
    public record AwardForm(String member, String points, String reason, String max, String memberError,
            String pointsError, String reasonError) {
    }

    /** The correction form. */
    public record CorrectionForm(String entry, String points, String reason, String entryError, String pointsError,
            String reasonError) {
    }

    /** A verification's outcome. */
    public record VerifyView(boolean intact, String entries, String lastHash, String brokenSeq, String brokenReason) {
    }

    static final int RANKING_SHOWN = 50;
    static final int INACTIVE_SHOWN = 100;
    static final int HISTORY_SHOWN = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance appraisal(Page page);
    }

    @Inject
    ShellAccess access;

    @Inject
    Caller caller;

    @Inject
    PointsShell shell;

    @Inject
    PointsStandings standings;

    @Inject
    PointsLedger ledger;

    @Inject
    PointsAwards awards;

    @Inject
    LedgerVerification verification;

    @Inject
    MemberRepository members;

    @Inject
    PluginStates states;

    @Inject
    PointsPlugin plugin;

    @GET
    public Response show(@PathParam("tenant") String tenant, @QueryParam("period") String periodKey,
            @QueryParam("member") String memberCode, @QueryParam("entry") String entry,
            @QueryParam("awarded") String awarded, @QueryParam("corrected") String corrected,
            @CookieParam(Locales.COOKIE) String lang) {
        Caller.TenantGrant grant = access.require(tenant, PointsPlugin.REVIEW);
        Locale locale = PointsShell.locale(lang);
        PointsMessages messages = PointsShell.messages(locale);
        Page page = page(tenant, grant, locale, periodKey, memberCode, null,
                new CorrectionForm(entry == null ? "" : entry, "", "", null, null, null), null, detail -> {
                    if (awarded != null && detail != null) {
                        return messages.awarded(awarded, detail.name());
                    }
                    return corrected != null ? messages.corrected(corrected) : null;
                });
        return Response.status(page.periodError() == null ? 200 : 400)
                .entity(Templates.appraisal(page).setLocale(locale)).build();
    }

    /** The period's appraisal sheet, as the API gives it, for the signed-in reviewer. */
    @GET
    @Path("/sheet.csv")
    @Produces("text/csv")
    public Response sheet(@PathParam("tenant") String tenant, @QueryParam("period") String periodKey) {
        access.require(tenant, PointsPlugin.REVIEW);
        return shell.inTenant(tenant, () -> {
            Period period = shell.periodOr(periodKey, shell.currentPeriod());
            String csv = AppraisalSheets.csv(standings.sheet(null, period));
            return AppraisalSheets.download(csv, AppraisalSheets.fileName(tenant, period.key()));
        });
    }

    /** The period's branch appraisal sheet (per head, branch-level items, score), as the API gives it. */
    @GET
    @Path("/branches.csv")
    @Produces("text/csv")
    public Response branchSheet(@PathParam("tenant") String tenant, @QueryParam("period") String periodKey) {
        access.require(tenant, PointsPlugin.REVIEW);
        return shell.inTenant(tenant, () -> {
            Period period = shell.periodOr(periodKey, shell.currentPeriod());
            String csv = AppraisalSheets
                    .branchCsv(standings.topBranches(null, period, AppraisalSheets.BRANCHES_AT_MOST));
            return AppraisalSheets.download(csv, AppraisalSheets.branchFileName(tenant, period.key()));
        });
    }

    @POST
    @Path("/awards")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response award(@PathParam("tenant") String tenant, @RestForm("csrf") String csrf,
            @RestForm("period") String periodKey, @RestForm("member") String memberCode,
            @RestForm("points") String points, @RestForm("reason") String reason,
            @CookieParam(Locales.COOKIE) String lang) {
        Caller.TenantGrant grant = access.require(tenant, PointsPlugin.AWARD);
        shell.requireToken(csrf, tenant);
        Locale locale = PointsShell.locale(lang);
        PointsMessages messages = PointsShell.messages(locale);
        int max = maxAward(tenant);
        Map<String, String> errors = new HashMap<>();
        String code = memberCode == null ? "" : memberCode.strip();
        Optional<Member> member = code.isEmpty() ? Optional.empty()
                : shell.inTenant(tenant, () -> members.findByCode(code));
        if (code.isEmpty()) {
            errors.put("member", messages.error_required());
        } else if (member.isEmpty()) {
            errors.put("member", messages.error_no_member(code));
        }
        Integer worth = PointsShell.integer(points);
        if (worth == null) {
            errors.put("points",
                    points == null || points.isBlank() ? messages.error_required() : messages.error_number());
        } else if (worth < 1 || worth > max) {
            errors.put("points", messages.error_award_range(String.valueOf(max)));
        }
        requireReason(reason, messages, errors);
        int status = 400;
        if (errors.isEmpty()) {
            try {
                LedgerEntry entry = shell.inTenant(tenant,
                        () -> awards.award(member.get().id(), worth, reason.strip(), caller.username()));
                return Response.seeOther(URI.create("/t/" + tenant + "/points/appraisal?period=" + encode(periodKey)
                        + "&member=" + encode(code) + "&awarded=" + worth + "#member-history")).build();
            } catch (ProblemException refused) {
                status = refused.status();
                String field = PointsShell.fieldOf(refused, "reason");
                errors.put("memberId".equals(field) ? "member" : field, describe(refused, messages, max));
            }
        }
        AwardForm form = new AwardForm(code, PointsShell.orEmpty(points), PointsShell.orEmpty(reason),
                String.valueOf(max), errors.get("member"), errors.get("points"), errors.get("reason"));
        Page page = page(tenant, grant, locale, periodKey, null, form, null, null, detail -> null);
        return Response.status(status).entity(Templates.appraisal(page).setLocale(locale)).build();
    }

    @POST
    @Path("/corrections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(@PathParam("tenant") String tenant, @RestForm("csrf") String csrf,
            @RestForm("period") String periodKey, @RestForm("entry") String entryText,
            @RestForm("points") String points, @RestForm("reason") String reason,
            @CookieParam(Locales.COOKIE) String lang) {
        Caller.TenantGrant grant = access.require(tenant, PointsPlugin.AWARD);
        shell.requireToken(csrf, tenant);
        Locale locale = PointsShell.locale(lang);
        PointsMessages messages = PointsShell.messages(locale);
        Map<String, String> errors = new HashMap<>();
        Integer entryId = PointsShell.integer(entryText);
        if (entryId == null) {
            errors.put("entry",
                    entryText == null || entryText.isBlank() ? messages.error_required() : messages.error_number());
        }
        Integer change = PointsShell.integer(points);
        if (change == null && points != null && !points.isBlank()) {
            errors.put("points", messages.error_number());
        }
        requireReason(reason, messages, errors);
        int status = 400;
        if (errors.isEmpty()) {
            try {
                String code = shell.inTenant(tenant, () -> {
                    LedgerEntry entry = awards.correct(entryId, change, reason.strip(), caller.username());
                    return members.findByIdOptional(entry.memberId()).map(Member::code).orElse("");
                });
                return Response.seeOther(URI.create("/t/" + tenant + "/points/appraisal?period=" + encode(periodKey)
                        + "&member=" + encode(code) + "&corrected=" + entryId + "#member-history")).build();
            } catch (ProblemException refused) {
                status = refused.status();
                String field = PointsShell.fieldOf(refused, "reason");
                errors.put("entryId".equals(field) ? "entry" : field, describeCorrection(refused, messages, entryText));
            }
        }
        CorrectionForm form = new CorrectionForm(PointsShell.orEmpty(entryText), PointsShell.orEmpty(points),
                PointsShell.orEmpty(reason), errors.get("entry"), errors.get("points"), errors.get("reason"));
        Page page = page(tenant, grant, locale, periodKey, null, null, form, null, detail -> null);
        return Response.status(status).entity(Templates.appraisal(page).setLocale(locale)).build();
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@PathParam("tenant") String tenant, @RestForm("csrf") String csrf,
            @RestForm("period") String periodKey, @CookieParam(Locales.COOKIE) String lang) {
        Caller.TenantGrant grant = access.require(tenant, PointsPlugin.VERIFY);
        shell.requireToken(csrf, tenant);
        Locale locale = PointsShell.locale(lang);
        LedgerVerification.Result result = shell.inTenant(tenant, verification::verify);
        VerifyView view = new VerifyView(result.intact(), PointsShell.number(result.entries(), locale),
                result.lastHash(), result.firstBroken() == null ? "" : String.valueOf(result.firstBroken().seq()),
                result.firstBroken() == null ? "" : result.firstBroken().reason());
        Page page = page(tenant, grant, locale, periodKey, null, null, null, view, detail -> null);
        return Response.ok(Templates.appraisal(page).setLocale(locale)).build();
    }

    /** What the notice says, once the member detail is known. */
    interface Notice {
        String of(MemberDetail detail);
    }

    private Page page(String tenant, Caller.TenantGrant grant, Locale locale, String periodKey, String memberCode,
            AwardForm award, CorrectionForm correction, VerifyView verify, Notice notice) {
        PointsMessages messages = PointsShell.messages(locale);
        return shell.inTenant(tenant, () -> {
            Period period = shell.currentPeriod();
            String periodError = null;
            try {
                period = shell.periodOr(periodKey, period);
            } catch (ProblemException refused) {
                periodError = messages.period_invalid();
            }
            String key = period.key();
            String base = "/t/" + tenant + "/points/appraisal?period=" + encode(key);
            List<MemberRow> top = standings.topMembers(null, period, RANKING_SHOWN).stream()
                    .map(m -> new MemberRow(PointsShell.number(m.rank(), locale), m.code(), m.name(), m.branchName(),
                            PointsShell.number(m.total(), locale),
                            base + "&member=" + encode(m.code()) + "#member-history"))
                    .toList();
            List<BranchRow> branches = standings.topBranches(null, period, RANKING_SHOWN).stream()
                    .map(b -> new BranchRow(PointsShell.number(b.rank(), locale), b.code(), b.name(),
                            PointsShell.number(b.members(), locale), PointsShell.number(b.total(), locale),
                            PointsShell.decimal(b.perHead(), locale), PointsShell.number(b.items(), locale),
                            PointsShell.decimal(b.score(), locale)))
                    .toList();
            LocalDate yearStart = LocalDate.of(period.start().getYear(), 1, 1);
            List<PointsStandings.TrendPoint> points = standings.trend(null, yearStart, yearStart.plusYears(1));
            long trendMax = Math.max(1, points.stream().mapToLong(PointsStandings.TrendPoint::total).max().orElse(1));
            List<TrendRow> trend = points.stream()
                    .map(p -> new TrendRow(PointsShell.periodLabel(p.month(), locale),
                            PointsShell.number(p.total(), locale), Math.max(0, p.total()),
                            PointsShell.number(p.entries(), locale), PointsShell.number(p.activeMembers(), locale)))
                    .toList();
            List<PointsStandings.Inactive> idle = standings.inactive(null, period, INACTIVE_SHOWN + 1);
            List<InactiveRow> inactive = idle.stream().limit(INACTIVE_SHOWN).map(i -> new InactiveRow(i.code(),
                    i.name(), i.branchName(), base + "&member=" + encode(i.code()) + "#member-history")).toList();
            Optional<MemberDetail> detail = memberCode == null || memberCode.isBlank() ? Optional.empty()
                    : detail(memberCode.strip(), period, locale, messages);
            String max = String.valueOf(states.configuration(plugin.descriptor()).maxAwardPoints());
            AwardForm awardForm = award != null ? award
                    : new AwardForm(detail.map(MemberDetail::code).orElse(""), "", "", max, null, null, null);
            CorrectionForm correctionForm = correction != null ? correction
                    : new CorrectionForm("", "", "", null, null, null);
            return new Page(tenant, shell.csrf(tenant), PointsShell.periods(period, messages, locale), key,
                    PointsShell.periodLabel(key, locale), periodError, top, branches,
                    String.valueOf(yearStart.getYear()), trend, trendMax, inactive, idle.size() > INACTIVE_SHOWN,
                    "/t/" + tenant + "/points/appraisal/sheet.csv?period=" + encode(key), detail,
                    grant.permissions().contains(PointsPlugin.AWARD), awardForm, correctionForm,
                    grant.permissions().contains(PointsPlugin.VERIFY), Optional.ofNullable(verify),
                    notice.of(detail.orElse(null)));
        });
    }

    private Optional<MemberDetail> detail(String code, Period period, Locale locale, PointsMessages messages) {
        return members.findByCode(code).map(member -> {
            PointsStandings.Balance balance = standings.balance(member.id(), period);
            String branch = standings.branchOf(member.id()).name();
            List<PointsShell.HistoryLine> history = ledger
                    .history(member.id(), period.start(), period.end(), HISTORY_SHOWN).stream()
                    .map(entry -> PointsShell.line(entry, locale, messages)).toList();
            return new MemberDetail(member.code(), member.name(), branch, PointsShell.number(balance.total(), locale),
                    history);
        });
    }

    private int maxAward(String tenant) {
        return shell.inTenant(tenant, () -> states.configuration(plugin.descriptor()).maxAwardPoints());
    }

    private static void requireReason(String reason, PointsMessages messages, Map<String, String> errors) {
        if (reason == null || reason.isBlank()) {
            errors.put("reason", messages.error_required());
        } else if (reason.strip().length() > 500) {
            errors.put("reason", messages.error_too_long("500"));
        }
    }

    private static String describe(ProblemException refused, PointsMessages messages, int max) {
        String type = PointsShell.typeOf(refused);
        if ("outside-your-organisation".equals(type)) {
            return messages.error_outside();
        }
        if ("points".equals(PointsShell.fieldOf(refused, ""))) {
            return messages.error_award_range(String.valueOf(max));
        }
        return refused.toProblem().detail();
    }

    private static String describeCorrection(ProblemException refused, PointsMessages messages, String entry) {
        String type = PointsShell.typeOf(refused);
        String field = PointsShell.fieldOf(refused, "");
        String detail = refused.toProblem().detail();
        if ("outside-your-organisation".equals(type)) {
            return messages.error_outside();
        }
        if ("points".equals(field)) {
            return messages.error_correction_range();
        }
        if ("entryId".equals(field) && detail != null && detail.contains("itself a correction")) {
            return messages.error_is_correction();
        }
        if ("entryId".equals(field)) {
            return messages.error_no_entry(entry == null ? "" : entry.strip());
        }
        return detail;
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
