package cloud.dangjian.core.onboarding.file;

import cloud.dangjian.core.problem.Problem;
import cloud.dangjian.core.problem.ProblemException;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads an onboarding file, CSV (UTF-8, header row, an Excel byte-order mark tolerated) or XLSX (first sheet, header
 * row), into rows keyed by lower-case column name. A file that cannot be read, or lacks a required column, is refused
 * as a whole with a problem naming what is wrong.
 */
public final class TabularFile {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private TabularFile() {
    }

    /** Whether {@code mediaType} is one this reader takes. */
    public static boolean accepts(String mediaType) {
        return mediaType != null && (mediaType.startsWith(CSV) || mediaType.startsWith(XLSX));
    }

    public static List<TabularRow> read(InputStream input, String mediaType, Set<String> requiredColumns) {
        try {
            if (mediaType != null && mediaType.startsWith(XLSX)) {
                return readXlsx(input, requiredColumns);
            }
            return readCsv(input, requiredColumns);
        } catch (CharacterCodingException e) {
            throw unreadable("the file is not UTF-8 text; save it as \"CSV UTF-8\"");
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw unreadable(
                    "the file could not be read as " + (mediaType == null ? "CSV" : mediaType) + ": " + e.getMessage());
        }
    }

    private static List<TabularRow> readCsv(InputStream input, Set<String> requiredColumns) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        PushbackReader reader = new PushbackReader(new InputStreamReader(input, decoder), 1);
        skipByteOrderMark(reader);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames().stream().map(TabularFile::columnName).toList();
            checkColumns(header, requiredColumns);
            List<TabularRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> cells = new HashMap<>(header.size() * 2);
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    String value = record.get(i);
                    if (!value.isEmpty()) {
                        cells.put(header.get(i), value);
                    }
                }
                rows.add(new TabularRow((int) record.getRecordNumber() + 1, cells));
            }
            return rows;
        }
    }

    private static List<TabularRow> readXlsx(InputStream input, Set<String> requiredColumns) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(input)) {
            Sheet sheet = workbook.getFirstSheet();
            List<TabularRow> rows = new ArrayList<>();
            List<String> header = null;
            try (Stream<Row> stream = sheet.openStream()) {
                for (Row row : (Iterable<Row>) stream::iterator) {
                    if (header == null) {
                        header = new ArrayList<>();
                        for (int i = 0; i < row.getCellCount(); i++) {
                            header.add(columnName(text(row.getCell(i))));
                        }
                        checkColumns(header, requiredColumns);
                        continue;
                    }
                    Map<String, String> cells = new HashMap<>(header.size() * 2);
                    for (int i = 0; i < header.size() && i < row.getCellCount(); i++) {
                        String value = text(row.getCell(i));
                        if (!value.isEmpty()) {
                            cells.put(header.get(i), value);
                        }
                    }
                    if (!cells.isEmpty()) {
                        rows.add(new TabularRow(row.getRowNum(), cells));
                    }
                }
            }
            if (header == null) {
                checkColumns(List.of(), requiredColumns);
            }
            return rows;
        }
    }

    /** Numbers come back without a spurious ".0", so phone numbers and codes typed into Excel survive. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> {
                BigDecimal number = cell.asNumber().stripTrailingZeros();
                yield number.scale() <= 0 ? number.toBigInteger().toString() : number.toPlainString();
            }
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case EMPTY -> "";
            default -> cell.getText() == null ? "" : cell.getText().trim();
        };
    }

    private static String columnName(String raw) {
        return raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    }

    private static void checkColumns(List<String> header, Set<String> requiredColumns) {
        List<Problem.FieldError> missing = requiredColumns.stream().sorted().filter(column -> !header.contains(column))
                .map(column -> new Problem.FieldError(column, "required column is missing from the header row", 1))
                .toList();
        if (!missing.isEmpty()) {
            throw new ProblemException(Status.BAD_REQUEST, "invalid-file", "Invalid file",
                    "The header row (line 1) lacks required columns: "
                            + String.join(", ", missing.stream().map(Problem.FieldError::field).toList()),
                    missing.get(0).field(), missing);
        }
    }

    private static void skipByteOrderMark(PushbackReader reader) throws IOException {
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
    }

    private static ProblemException unreadable(String detail) {
        return new ProblemException(Status.BAD_REQUEST, "invalid-file", "Invalid file", detail, "file", null);
    }

}
