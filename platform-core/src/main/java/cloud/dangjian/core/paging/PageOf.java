package cloud.dangjian.core.paging;

import java.util.List;

/**
 * One page of a small collection (tenants, regions) paged by offset, with its total.
 *
 * @param items
 *            the rows of this page
 * @param page
 *            the 0-based page number
 * @param size
 *            the page size asked for
 * @param total
 *            how many rows match in all
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {
}
