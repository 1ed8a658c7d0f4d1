package cloud.dangjian.plugins.points.service;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The appraisal sheet (考核表) as CSV, the same for the API and the web shell's download link. */
public final class AppraisalSheets {

    private AppraisalSheets() {
    }

    /** The branch sheet lists every branch of the scope; a tenant has far fewer. */
    public static final int BRANCHES_AT_MOST = 100_000;

    /** The members' sheet. UTF-8 with a byte order mark, so that spreadsheet programs in zh-CN locales read UTF-8. */
    public static String csv(List<PointsStandings.SheetRow> rows) {
        return write(
                new String[] { "排名 rank", "编号 code", "姓名 name", "支部编号 branch code", "支部 branch", "自动积分 automatic",
                        "任务积分 task", "附加积分 bonus", "更正 correction", "合计 total" },
                rows, row -> new Object[] { row.rank(), row.code(), row.name(), row.branchCode(), row.branchName(),
                        row.automatic(), row.task(), row.bonus(), row.correction(), row.total() });
    }

    /** The branches' sheet: members, their points per head, the branch-level items and the score ranked on. */
    public static String branchCsv(List<PointsStandings.BranchStanding> rows) {
        return write(
                new String[] { "排名 rank", "支部编号 branch code", "支部 branch", "党员数 members", "党员积分 member points",
                        "人均 per head", "支部积分项 branch items", "得分 score" },
                rows, row -> new Object[] { row.rank(), row.code(), row.name(), row.members(), row.total(),
                        row.perHead(), row.items(), row.score() });
    }

    /** A sheet as a download: CSV in UTF-8 under the file name it is saved as. */
    public static Response download(String csv, String fileName) {
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /** The file name a download of the members' sheet gets. */
    public static String fileName(String tenant, String periodKey) {
        return "points-" + tenant + "-" + periodKey + ".csv";
    }

    /** The file name a download of the branches' sheet gets. */
    public static String branchFileName(String tenant, String periodKey) {
        return "points-branches-" + tenant + "-" + periodKey + ".csv";
    }

    private static <T> String write(String[] header, List<T> rows, Function<T, Object[]> columns) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            for (T row : rows) {
                csv.printRecord(columns.apply(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
