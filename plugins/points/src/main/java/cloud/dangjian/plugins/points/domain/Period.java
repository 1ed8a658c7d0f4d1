package cloud.dangjian.plugins.points.domain;

import cloud.dangjian.core.problem.ProblemException;
import java.time.LocalDate;
import java.util.regex.Matcher;

/**
 * One appraisal period: a month ({@code 2026-11}), a quarter ({@code 2026-Q4}) or a year ({@code 2026}), as the
 * half-open day range {@code [start, end)}.
 */
public record Period(String key, LocalDate start, LocalDate end) {

    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern
            .compile("(\\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])))?");

    /** The period of {@code kind} that contains {@code day}. */
    public static Period containing(AppraisalPeriod kind, LocalDate day) {
        return switch (kind) {
            case MONTH -> parse("%04d-%02d".formatted(day.getYear(), day.getMonthValue()), "period");
            case QUARTER -> parse("%04d-Q%d".formatted(day.getYear(), (day.getMonthValue() - 1) / 3 + 1), "period");
            case YEAR -> parse("%04d".formatted(day.getYear()), "period");
        };
    }

    /** Parses a period key, refusing anything else with a 400 naming {@code field}. */
    public static Period parse(String key, String field) {
        Matcher matcher = key == null ? null : FORM.matcher(key);
        if (matcher == null || !matcher.matches()) {
            throw ProblemException.invalidField(field,
                    "'" + key + "' is not a period; use a month (2026-11), a quarter (2026-Q4) or a year (2026)");
        }
        int year = Integer.parseInt(matcher.group(1));
        if (year < 2000 || year > 2999) {
            throw ProblemException.invalidField(field, "year " + year + " is out of range");
        }
        if (matcher.group(2) != null) {
            LocalDate start = LocalDate.of(year, Integer.parseInt(matcher.group(2)), 1);
            return new Period(key, start, start.plusMonths(1));
        }
        if (matcher.group(3) != null) {
            LocalDate start = LocalDate.of(year, (Integer.parseInt(matcher.group(3)) - 1) * 3 + 1, 1);
            return new Period(key, start, start.plusMonths(3));
        }
        LocalDate start = LocalDate.of(year, 1, 1);
        return new Period(key, start, start.plusYears(1));
    }
}
