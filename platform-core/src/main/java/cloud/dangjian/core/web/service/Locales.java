package cloud.dangjian.core.web.service;

import cloud.dangjian.core.web.WebMessages;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
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

    /** The shell's strings in {@code locale}, for text made outside a template (links, JSON for scripts). */
    public static WebMessages messages(Locale locale) {
        return Locale.ENGLISH.equals(locale) ? MessageBundles.get(WebMessages.class, Localized.Literal.of("en"))
                : MessageBundles.get(WebMessages.class);
    }
}
