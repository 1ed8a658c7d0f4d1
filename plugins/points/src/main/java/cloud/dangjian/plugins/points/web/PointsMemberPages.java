package cloud.dangjian.plugins.points.web;

import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.web.service.Locales;
import cloud.dangjian.core.web.service.ShellAccess;
import cloud.dangjian.plugins.points.PointsPlugin;
import cloud.dangjian.plugins.points.domain.Period;
import cloud.dangjian.plugins.points.service.MemberLink;
import cloud.dangjian.plugins.points.service.PointsLedger;
import cloud.dangjian.plugins.points.service.PointsStandings;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** 我的积分: a member's balance in a period by kind, their rank in branch and tenant, and every entry with its reason. */
@Path("/t/{tenant}/points")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PointsMemberPages {

    /** What "my points" shows; {@code mine} is empty when the login is linked to no member record. */
    public record Page(String tenant, List<PointsShell.PeriodGroup> periods, String period, String periodError,
            Optional<Mine> mine) {
    }

    /** The linked member's standing in the period. */
    public record Mine(String name, String branch, String total, List<KindTotal> byKind, String rankInBranch,
            String branchSize, String rankInTenant, String tenantSize, List<PointsShell.HistoryLine> history) {
    }

    /** Points of one kind. */
    public record KindTotal(String kind, String points) {
    }

    /** How many entries the page lists; the API pages through more. */
    static final int HISTORY_SHOWN = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(Page page);
    }

    @Inject
    ShellAccess access;

    @Inject
    Caller caller;

    @Inject
    PointsShell shell;

    @Inject
    MemberLink link;

    @Inject
    PointsStandings standings;

    @Inject
    PointsLedger ledger;

    @GET
    public Response mine(@PathParam("tenant") String tenant, @QueryParam("period") String periodKey,
            @CookieParam(Locales.COOKIE) String lang) {
        access.require(tenant, PointsPlugin.READ);
        Locale locale = PointsShell.locale(lang);
        PointsMessages messages = PointsShell.messages(locale);
        Page page = shell.inTenant(tenant, () -> {
            Period current = shell.currentPeriod();
            Period period = current;
            String periodError = null;
            try {
                period = shell.periodOr(periodKey, current);
            } catch (ProblemException refused) {
                periodError = messages.period_invalid();
            }
            Period shown = period;
            Optional<Mine> mine = link.memberOf(caller.username()).map(member -> mine(member, shown, locale, messages));
            return new Page(tenant, PointsShell.periods(shown, messages, locale),
                    PointsShell.periodLabel(shown.key(), locale), periodError, mine);
        });
        return Response.status(page.periodError() == null ? 200 : 400).entity(Templates.mine(page).setLocale(locale))
                .build();
    }

    private Mine mine(long member, Period period, Locale locale, PointsMessages messages) {
        PointsStandings.Balance balance = standings.balance(member, period);
        Organisation branch = standings.branchOf(member);
        PointsStandings.Rank inBranch = standings.rank(member, branch, period);
        PointsStandings.Rank inTenant = standings.rank(member, null, period);
        List<KindTotal> byKind = new ArrayList<>();
        for (Map.Entry<String, Long> kind : balance.byKind().entrySet()) {
            byKind.add(new KindTotal(kind.getKey(), PointsShell.signed(kind.getValue(), locale)));
        }
        List<PointsShell.HistoryLine> history = ledger.history(member, period.start(), period.end(), HISTORY_SHOWN)
                .stream().map(entry -> PointsShell.line(entry, locale, messages)).toList();
        return new Mine(balance.name(), branch.name(), PointsShell.number(balance.total(), locale), byKind,
                PointsShell.number(inBranch.rank(), locale), PointsShell.number(inBranch.of(), locale),
                PointsShell.number(inTenant.rank(), locale), PointsShell.number(inTenant.of(), locale), history);
    }
}
