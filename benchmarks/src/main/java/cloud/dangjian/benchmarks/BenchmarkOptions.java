package cloud.dangjian.benchmarks;

import java.net.URI;
import java.util.List;

/**
 * The command line of the harness.
 *
 * @param url
 *            the base URL of the running platform
 * @param members
 *            members to generate, all in bench-big
 * @param organisations
 *            organisations to generate over all tenants
 * @param tenants
 *            tenants to onboard, bench-big included
 * @param seconds
 *            the measured length of each load phase, after its warm-up
 * @param concurrency
 *            client threads in each load phase
 */
record BenchmarkOptions(URI url, int members, int organisations, int tenants, int seconds, int concurrency) {

    static final String USAGE = """
            usage: BenchmarkLauncher [--url URL] [--members N] [--organisations N] [--tenants N]
                                     [--seconds N] [--concurrency N]
              --url            base URL of a running platform            (default http://localhost:8080)
              --members        members to import, all into bench-big     (default 200000)
              --organisations  organisations over all tenants            (default 5000; at least 2 per tenant)
              --tenants        tenants, bench-big included               (default 40)
              --seconds        measured seconds per load phase, after a 5 s warm-up (default 20)
              --concurrency    client threads per load phase             (default 16)
            Run it against a fresh platform: the load phases check answers against the generated data, so a
            bench-big tenant holding other members makes them report errors.""";

    static BenchmarkOptions defaults() {
        return new BenchmarkOptions(URI.create("http://localhost:8080"), 200_000, 5_000, 40, 20, 16);
    }

    /** Whether the user asked for the usage text instead of a run. */
    static boolean wantsHelp(String[] args) {
        return List.of(args).stream().anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }

    /** Parses {@code --name value} or {@code --name=value}; anything wrong is an {@link IllegalArgumentException}. */
    static BenchmarkOptions parse(String... args) {
        BenchmarkOptions defaults = defaults();
        URI url = defaults.url();
        int members = defaults.members();
        int organisations = defaults.organisations();
        int tenants = defaults.tenants();
        int seconds = defaults.seconds();
        int concurrency = defaults.concurrency();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value;
            int equals = name.indexOf('=');
            if (equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            switch (name) {
                case "--url" -> url = url(value);
                // The platform's plan allows at most 10,000,000 members.
                case "--members" -> members = number(name, value, 1, 10_000_000);
                case "--organisations" -> organisations = number(name, value, TenantLayout.SMALLEST_TREE, 1_000_000);
                case "--tenants" -> tenants = number(name, value, 1, 999);
                case "--seconds" -> seconds = number(name, value, 1, 3_600);
                case "--concurrency" -> concurrency = number(name, value, 1, 1_024);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (organisations < TenantLayout.SMALLEST_TREE * tenants) {
            throw new IllegalArgumentException("--organisations must be at least " + TenantLayout.SMALLEST_TREE
                    + " per tenant (" + TenantLayout.SMALLEST_TREE * tenants + " for " + tenants
                    + " tenants): each needs a committee and a branch");
        }
        return new BenchmarkOptions(url, members, organisations, tenants, seconds, concurrency);
    }

    private static URI url(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url is not a URL: " + value);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("--url must be an http(s) URL with a host: " + value);
        }
        return uri;
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.replace("_", ""));
            if (number < min || number > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ": " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: " + value);
        }
    }
}
