package cloud.dangjian.core.tenancy.domain;

import java.util.regex.Pattern;

/** The form of a tenant id: a DNS-label-like slug, safe in URLs, object keys and log lines. */
public final class Slugs {

    /** Lower-case letters, digits and inner hyphens, 2 to 63 characters. */
    public static final String PATTERN = "^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Slugs() {
    }

    public static boolean isValid(String candidate) {
        return candidate != null && COMPILED.matcher(candidate).matches();
    }
}
