package cloud.dangjian.plugins.points.service;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The appraisal sheet (考核表) as CSV, the same for the API and the web shell's download link. */
public final class AppraisalSheets {

    private AppraisalSheets() {
    }

    /** UTF-8 text with a byte order mark, so that spreadsheet programs in zh-CN locales read it as UTF-8. */
    public static String csv(List<PointsStandings.SheetRow> rows) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out,
                CSVFormat.RFC4180.builder().setHeader("排名 rank", "编号 code", "姓名 name", "支部编号 branch code", "支部 branch",
                        "自动积分 automatic", "任务积分 task", "附加积分 bonus", "更正 correction", "合计 total").get())) {
            for (PointsStandings.SheetRow row : rows) {
                csv.printRecord(row.rank(), row.code(), row.name(), row.branchCode(), row.branchName(), row.automatic(),
                        row.task(), row.bonus(), row.correction(), row.total());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The file name a download gets. */
    public static String fileName(String tenant, String periodKey) {
        return "points-" + tenant + "-" + periodKey + ".csv";
    }
}
