package cloud.dangjian.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Writes the benchmark's organisation and member files from a fixed seed, so every run imports the same data. */
final class DataSetGenerator {

    static final long SEED = 20_250_101L;
    static final String REGION = "bench-city";

    private final int members;
    private final int organisations;
    private final int tenants;

    DataSetGenerator(int members, int organisations, int tenants) {
        this.members = members;
        this.organisations = organisations;
        this.tenants = tenants;
    }

    DataSet write(Path directory) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        List<BenchTenant> layout = TenantLayout.plan(tenants, organisations, members);

        Path organisationFile = directory.resolve("organisations.csv");
        List<String> bigBranches = List.of();
        int organisationRows = 0;
        try (CsvWriter csv = new CsvWriter(organisationFile)) {
            csv.row(Organisation.HEADER);
            for (BenchTenant tenant : layout) {
                List<Organisation> tree = OrganisationTrees.build(tenant.id(), tenant.name(), tenant.organisations());
                for (Organisation organisation : tree) {
                    csv.row(organisation.cells());
                }
                organisationRows += tree.size();
                if (tenant.id().equals(TenantLayout.BIG_TENANT)) {
                    bigBranches = OrganisationTrees.branchCodes(tree);
                }
            }
        }

        Path memberFile = directory.resolve("members.csv");
        List<String> names = new ArrayList<>(members);
        MemberFactory factory = new MemberFactory(TenantLayout.BIG_TENANT, bigBranches);
        try (CsvWriter csv = new CsvWriter(memberFile)) {
            csv.row(Member.HEADER);
            for (int i = 0; i < members; i++) {
                Member member = factory.next(random, i);
                csv.row(member.cells());
                names.add(member.name());
            }
        }
        return new DataSet(directory, REGION, layout, organisationFile, organisationRows, Files.size(organisationFile),
                memberFile, members, Files.size(memberFile), new NameIndex(names));
    }
}
