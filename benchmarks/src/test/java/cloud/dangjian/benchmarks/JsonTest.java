package cloud.dangjian.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void quotesWhatJsonNeedsQuoted() {
        assertEquals("\"基准集团\"", Json.quote("基准集团"));
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", Json.quote("a\"b\\c\nd\u0001"));
        assertEquals("null", Json.quote(null));
    }

    @Test
    void quotedTextParsesBack() {
        String text = "tab\there \"quoted\" \\ 王\r\n\u0002";
        assertEquals(text, Json.parse(Json.quote(text)));
    }

    @Test
    void readsAMemberSlice() {
        MemberPage page = MemberPage.parse("""
                {"items":[{"id":1,"name":"王明","mobile":false,"birthDate":null},{"id":2,"name":"\\u738b\\u82b3"}],
                 "next":"MjpcdTczOGI"}""");
        assertEquals(2, page.items());
        assertEquals("MjpcdTczOGI", page.next());
        assertNull(MemberPage.parse("{\"items\":[],\"next\":null}").next());
    }

    @Test
    void readsAnImportReportAndAProblem() {
        ImportCounts counts = ImportCounts
                .parse("{\"rows\":200000,\"created\":0,\"updated\":0,\"unchanged\":200000," + "\"dryRun\":false}");
        assertEquals(new ImportCounts(200_000, 0, 0, 200_000), counts);
        assertEquals(0, counts.written());

        Map<String, Object> problem = Json.object(Json.parse("""
                {"type":"about:blank","status":422,"errors":[{"field":"id_card","message":"bad","line":3}],"x":-1.5e2}
                """));
        assertEquals(422L, problem.get("status"));
        assertEquals(-150.0, problem.get("x"));
        assertEquals(List.of(Map.of("field", "id_card", "message", "bad", "line", 3L)), problem.get("errors"));
    }

    @Test
    void describesARefusedImportRowByRow() {
        String body = "{\"status\":422,\"detail\":\"The member file has 1 invalid row\","
                + "\"errors\":[{\"field\":\"id_card\",\"message\":\"check character does not match\",\"line\":7}]}";
        String message = ImportProblems.describe("members.csv", new Reply("POST /x", 422, body));
        assertEquals("import of members.csv refused: 422 The member file has 1 invalid row\n"
                + "  line 7, column id_card: check character does not match", message);
    }

    @Test
    void refusesMalformedDocuments() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1,]"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x"));
        assertThrows(IllegalArgumentException.class, () -> MemberPage.parse("{\"next\":null}"));
    }
}
