package cloud.dangjian.core.plugin.spi;

import java.util.Locale;
import java.util.Objects;

/** A user-facing text in the platform's two languages: Chinese first, English second. */
public record LocalizedText(String zhCN, String en) {

    public LocalizedText {
        Objects.requireNonNull(zhCN, "zhCN");
        Objects.requireNonNull(en, "en");
    }

    public static LocalizedText of(String zhCN, String en) {
        return new LocalizedText(zhCN, en);
    }

    /** The text for a locale: English for any English locale, Chinese otherwise. */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zhCN;
    }
}
