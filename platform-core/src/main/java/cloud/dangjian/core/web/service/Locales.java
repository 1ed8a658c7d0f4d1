package cloud.dangjian.core.web.service;

import java.util.Locale;

/** The shell's two languages: Chinese by default, English by choice (remembered in the {@code lang} cookie). */
public final class Locales {

    public static final String COOKIE = "lang";
    public static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

    private Locales() {
    }

    public static Locale of(String cookie) {
        return "en".equals(cookie) ? Locale.ENGLISH : CHINESE;
    }
}
