package cloud.dangjian.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Times the onboarding of the region: the organisation file, then the member file, wall clock including the upload;
 * then imports the member file again, which must write nothing (an import is an idempotent upsert).
 */
final class ImportPhase {

    private final PlatformClient client;
    private final PrintStream out;

    ImportPhase(PlatformClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    private record Timed(ImportCounts counts, double seconds) {
    }

    List<PhaseResult> run(DataSet data) throws IOException, InterruptedException {
        List<PhaseResult> results = new ArrayList<>();
        String path = "/api/admin/regions/" + data.region() + "/imports/";

        Timed organisations = upload("Importing", path + "organisations", data.organisations(),
                data.organisationRows());
        results.add(result("Import organisations", data.organisationBytes(), organisations, 0, List.of()));

        Timed members = upload("Importing", path + "members", data.members(), data.memberRows());
        results.add(result("Import members", data.memberBytes(), members, 0, List.of()));

        Timed again = upload("Re-importing", path + "members", data.members(), data.memberRows());
        long written = again.counts().written();
        List<String> notes = new ArrayList<>();
        if (written == 0) {
            out.println("  re-import wrote nothing: the import is idempotent");
            notes.add("Re-importing the member file wrote 0 rows (created + updated = 0): imports are idempotent.");
        } else {
            String failure = "IDEMPOTENCE FAILURE: re-importing the unchanged member file wrote "
                    + Format.count(written) + " rows (created " + Format.count(again.counts().created()) + ", updated "
                    + Format.count(again.counts().updated()) + "); it must write none.";
            // Loud on purpose: this is a correctness bug, not a slow import, and must not drown in the numbers.
            out.println("!".repeat(80));
            out.println(failure);
            out.println("!".repeat(80));
            notes.add("**" + failure + "**");
        }
        results.add(result("Re-import members (unchanged)", data.memberBytes(), again, written, notes));
        return results;
    }

    private Timed upload(String verb, String path, Path file, int expectedRows)
            throws IOException, InterruptedException {
        out.printf("%s %s (%s rows, %s) … ", verb, file.getFileName(), Format.count(expectedRows),
                Format.size(Files.size(file)));
        out.flush();
        long start = System.nanoTime();
        Reply reply = client.postCsv(path, file);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!reply.is(200)) {
            out.println("refused");
            throw new BenchmarkFailure(ImportProblems.describe(file.getFileName().toString(), reply));
        }
        ImportCounts counts = ImportCounts.parse(reply.body());
        if (counts.rows() != expectedRows) {
            throw new BenchmarkFailure("import of " + file.getFileName() + " read " + counts.rows()
                    + " rows but the file has " + expectedRows + ": " + reply.describe());
        }
        out.printf("%s, %s; created %s, updated %s, unchanged %s%n", Format.seconds(seconds),
                Format.rate(expectedRows / seconds, "rows"), Format.count(counts.created()),
                Format.count(counts.updated()), Format.count(counts.unchanged()));
        return new Timed(counts, seconds);
    }

    private static PhaseResult result(String phase, long bytes, Timed timed, long errors, List<String> notes) {
        String volume = Format.count(timed.counts().rows()) + " rows (" + Format.size(bytes) + ")";
        return new PhaseResult(phase, volume, timed.seconds(),
                Format.rate(timed.counts().rows() / timed.seconds(), "rows"), null, errors, notes);
    }
}
