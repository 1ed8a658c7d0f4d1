package cloud.dangjian.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

    @Test
    void plainCellsStayAsTheyAre() {
        assertEquals("王明", CsvWriter.escape("王明"));
        assertEquals("B-00001", CsvWriter.escape("B-00001"));
        assertEquals(" padded ", CsvWriter.escape(" padded "));
        assertEquals("", CsvWriter.escape(""));
    }

    @Test
    void nullIsAnEmptyCell() {
        assertEquals("", CsvWriter.escape(null));
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"a,b\"", CsvWriter.escape("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.escape("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvWriter.escape("two\nlines"));
        assertEquals("\"cr\r\"", CsvWriter.escape("cr\r"));
    }

    @Test
    void writesUtf8RowsWithCrLf(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("t.csv");
        try (CsvWriter csv = new CsvWriter(file)) {
            csv.row(Arrays.asList("tenant", "name", "parent_code"));
            csv.row(Arrays.asList("bench-big", "中共基准集团委员会, 总部", null));
            assertEquals(2, csv.rows());
        }
        assertEquals("tenant,name,parent_code\r\nbench-big,\"中共基准集团委员会, 总部\",\r\n",
                Files.readString(file, StandardCharsets.UTF_8));
    }
}
