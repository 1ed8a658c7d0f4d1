package cloud.dangjian.core.web;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates, times and numbers in the page's language: {@code {notice.publishedAt.dateTime}},
 * {@code {member.joinedOn.day}}, {@code {count.grouped}}. Times are shown in China's time zone, where every tenant is.
 */
@TemplateExtension
public class ShellFormats {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ShellFormats() {
    }

    static String dateTime(Instant instant, @TemplateAttribute("locale") Object locale) {
        return instant == null ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(localeOf(locale)).withZone(ZONE).format(instant);
    }

    static String day(LocalDate date, @TemplateAttribute("locale") Object locale) {
        return date == null ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(localeOf(locale)).format(date);
    }

    static String grouped(Number number, @TemplateAttribute("locale") Object locale) {
        return number == null ? "" : NumberFormat.getNumberInstance(localeOf(locale)).format(number);
    }

    private static Locale localeOf(Object attribute) {
        return attribute instanceof Locale locale ? locale : Locale.SIMPLIFIED_CHINESE;
    }
}
