package cloud.dangjian.core.member.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Member logins: Keycloak usernames of the platform's realm, which Keycloak keeps in lower case. A phone number, an
 * e-mail address or a chosen name all fit.
 */
public final class Logins {

    /** The same rule as the members table's check constraint. */
    public static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._@-]{2,99}$");

    private Logins() {
    }

    /** Trimmed and lower-cased, as Keycloak stores it; null for blank. */
    public static String normalise(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        return username.strip().toLowerCase(Locale.ROOT);
    }

    /** What is wrong with a normalised username, if anything. */
    public static Optional<String> problemWith(String username) {
        if (USERNAME.matcher(username).matches()) {
            return Optional.empty();
        }
        return Optional.of("must be 3 to 100 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
    }
}
