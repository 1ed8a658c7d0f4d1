package cloud.dangjian.plugins.points.web;

import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.plugin.service.PluginStates;
import cloud.dangjian.core.problem.Problem;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.web.service.FormTokens;
import cloud.dangjian.core.web.service.Locales;
import cloud.dangjian.plugins.points.PointsPlugin;
import cloud.dangjian.plugins.points.domain.LedgerEntry;
import cloud.dangjian.plugins.points.domain.Period;
import cloud.dangjian.plugins.points.service.PointsLedger;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the three points pages share: running work as the tenant in a transaction, the period picker, numbers and dates
 * in the user's language, and form tokens. (The core's audit filter records the pages' form posts.)
 */
@ApplicationScoped
public class PointsShell {

    /** One period the picker offers. */
    public record PeriodChoice(String key, String label, boolean selected) {
    }

    /** The picker's groups: months, quarters, years. */
    public record PeriodGroup(String label, List<PeriodChoice> choices) {
    }

    /** One ledger entry as a page shows it. */
    public record HistoryLine(long id, String date, String kind, String points, boolean negative, String reason,
            String grantedBy, boolean correctable) {
    }

    @Inject
    TenantScope tenantScope;

    @Inject
    PluginStates states;

    @Inject
    PointsPlugin plugin;

    @Inject
    FormTokens formTokens;

    @Inject
    Caller caller;

    /** Runs {@code work} as the tenant in a transaction of its own; a refusal rolls it back. */
    public <T> T inTenant(String tenant, Supplier<T> work) {
        return tenantScope.inTransaction(tenant, work);
    }

    /** The tenant's current appraisal period; call inside {@link #inTenant}. */
    public Period currentPeriod() {
        return Period.containing(states.configuration(plugin.descriptor()).appraisalPeriod(), today());
    }

    /** The period a picker asked for, or the current one when it asked for none. */
    public Period periodOr(String key, Period current) {
        return key == null || key.isBlank() ? current : Period.parse(key.strip(), "period");
    }

    public static LocalDate today() {
        return LocalDate.now(PointsLedger.ZONE);
    }

    /** The last twelve months, eight quarters and three years, with {@code selected} marked (and added if older). */
    public static List<PeriodGroup> periods(Period selected, PointsMessages messages, Locale locale) {
        LocalDate today = today();
        List<PeriodChoice> months = new ArrayList<>();
        List<PeriodChoice> quarters = new ArrayList<>();
        List<PeriodChoice> years = new ArrayList<>();
        boolean found = false;
        for (int i = 0; i < 12; i++) {
            LocalDate day = today.minusMonths(i);
            String key = "%04d-%02d".formatted(day.getYear(), day.getMonthValue());
            found |= key.equals(selected.key());
            months.add(new PeriodChoice(key, periodLabel(key, locale), key.equals(selected.key())));
        }
        for (int i = 0; i < 8; i++) {
            LocalDate day = today.minusMonths(3L * i);
            String key = "%04d-Q%d".formatted(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
            found |= key.equals(selected.key());
            quarters.add(new PeriodChoice(key, periodLabel(key, locale), key.equals(selected.key())));
        }
        for (int i = 0; i < 3; i++) {
            String key = String.valueOf(today.getYear() - i);
            found |= key.equals(selected.key());
            years.add(new PeriodChoice(key, periodLabel(key, locale), key.equals(selected.key())));
        }
        if (!found) {
            List<PeriodChoice> group = selected.key().contains("Q") ? quarters
                    : selected.key().length() == 4 ? years : months;
            group.add(new PeriodChoice(selected.key(), periodLabel(selected.key(), locale), true));
        }
        return List.of(new PeriodGroup(messages.months(), months), new PeriodGroup(messages.quarters(), quarters),
                new PeriodGroup(messages.years(), years));
    }

    /** {@code 2026-11} → 2026年11月 / November 2026; {@code 2026-Q4} → 2026年第4季度 / Q4 2026; {@code 2026} → 2026年. */
    public static String periodLabel(String key, Locale locale) {
        boolean english = Locale.ENGLISH.equals(locale);
        String year = key.substring(0, 4);
        if (key.length() == 4) {
            return english ? year : year + "年";
        }
        if (key.charAt(5) == 'Q') {
            return english ? key.substring(5) + " " + year : year + "年第" + key.charAt(6) + "季度";
        }
        int month = Integer.parseInt(key.substring(5, 7));
        return english ? DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH)
                .format(LocalDate.of(Integer.parseInt(year), month, 1)) : year + "年" + month + "月";
    }

    public static String number(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    public static String decimal(java.math.BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /** Points with their sign: +5, −3. */
    public static String signed(long value, Locale locale) {
        return (value > 0 ? "+" : value < 0 ? "−" : "") + number(Math.abs(value), locale);
    }

    public static String date(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }

    public static String time(Instant instant, Locale locale) {
        return instant == null ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                        .withZone(PointsLedger.ZONE).format(instant);
    }

    public static HistoryLine line(LedgerEntry entry, Locale locale, PointsMessages messages) {
        String by = entry.grantedBy() != null && entry.grantedBy().startsWith("system:") ? messages.system()
                : entry.grantedBy();
        return new HistoryLine(entry.id(), date(entry.grantedOn(), locale), entry.kind().name(),
                signed(entry.points(), locale), entry.points() < 0, entry.reason(), by,
                entry.kind() != cloud.dangjian.plugins.points.domain.EntryKind.CORRECTION);
    }

    public static Locale locale(String lang) {
        return Locales.of(lang);
    }

    public static PointsMessages messages(Locale locale) {
        return Locale.ENGLISH.equals(locale) ? MessageBundles.get(PointsMessages.class, Localized.Literal.of("en"))
                : MessageBundles.get(PointsMessages.class);
    }

    public String csrf(String tenant) {
        return formTokens.issue(caller.username(), tenant);
    }

    /** Refuses a form posted without this user's token for this tenant (403), as the core's pages do. */
    public void requireToken(String token, String tenant) {
        if (!formTokens.valid(token, caller.username(), tenant)) {
            throw new ForbiddenException("The form is out of date; reload the page and submit again");
        }
    }

    /** The field a refusal names, or {@code fallback}. */
    public static String fieldOf(ProblemException refused, String fallback) {
        Problem problem = refused.toProblem();
        return problem.field() != null ? problem.field() : fallback;
    }

    /** The last part of a refusal's type: {@code outside-your-organisation}, {@code own-task}, … */
    public static String typeOf(ProblemException refused) {
        String type = refused.toProblem().type();
        return type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
    }

    /** A whole number typed into a form, or null when it is not one. */
    public static Integer integer(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
