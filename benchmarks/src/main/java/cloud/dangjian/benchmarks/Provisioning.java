package cloud.dangjian.benchmarks;

import java.io.IOException;
import java.io.PrintStream;

/**
 * Creates the benchmark's region and tenants through the admin API. One that already exists (409) is kept as it is, so
 * the harness can run again against the same platform.
 */
final class Provisioning {

    private final PlatformClient client;
    private final PrintStream out;

    Provisioning(PlatformClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    void provision(DataSet data) throws IOException, InterruptedException {
        String region = "{\"code\":" + Json.quote(data.region()) + ",\"name\":" + Json.quote("基准市委组织部")
                + ",\"level\":\"DEPARTMENT\",\"parentCode\":null}";
        boolean created = create("/api/admin/regions", region);
        out.printf("Region %s: %s%n", data.region(), created ? "created" : "already there, kept");
        int createdTenants = 0;
        for (BenchTenant tenant : data.tenants()) {
            String body = "{\"id\":" + Json.quote(tenant.id()) + ",\"name\":" + Json.quote(tenant.name()) + ",\"type\":"
                    + Json.quote(tenant.type()) + ",\"regionCode\":" + Json.quote(data.region())
                    + ",\"plan\":{\"plugins\":[],\"expiresOn\":null,\"memberQuota\":" + tenant.memberQuota() + "}}";
            if (create("/api/admin/tenants", body)) {
                createdTenants++;
            }
        }
        out.printf("Tenants: %d created, %d already there (kept with their plans)%n", createdTenants,
                data.tenants().size() - createdTenants);
    }

    /** True if created, false if it existed; anything else ends the run, since later phases need the data. */
    private boolean create(String path, String json) throws IOException, InterruptedException {
        Reply reply = client.postJson(path, json);
        if (reply.is(201)) {
            return true;
        }
        if (reply.is(409)) {
            return false;
        }
        throw new BenchmarkFailure("could not set up benchmark data: " + reply.describe());
    }
}
