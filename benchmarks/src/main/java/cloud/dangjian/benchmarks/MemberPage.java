package cloud.dangjian.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * The parts of a member search answer the load phases check: how many members it held and the cursor of the next slice.
 *
 * @param items
 *            members in this slice
 * @param next
 *            the cursor to pass as {@code after}, or null on the last slice
 */
record MemberPage(int items, String next) {

    static MemberPage parse(String json) {
        Map<String, Object> slice = Json.object(Json.parse(json));
        if (!(slice.get("items") instanceof List<?> items)) {
            throw new IllegalArgumentException("a member slice must have an 'items' array: " + json);
        }
        Object next = slice.get("next");
        if (next != null && !(next instanceof String)) {
            throw new IllegalArgumentException("'next' must be a string or null: " + next);
        }
        return new MemberPage(items.size(), (String) next);
    }
}
