package cloud.dangjian.core.paging;

import java.util.List;

/**
 * One slice of a large collection (members) paged by key: {@code next} is the opaque cursor of the following slice,
 * absent on the last one. Keyset paging costs the same on page 1 and page 4,000, where an offset costs a scan.
 *
 * @param items
 *            the rows of this slice
 * @param next
 *            the cursor to pass as {@code after} for the next slice, or null
 */
public record Slice<T>(List<T> items, String next) {
}
