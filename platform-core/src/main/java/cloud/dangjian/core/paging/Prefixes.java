package cloud.dangjian.core.paging;

/** Turns a prefix into a half-open range, which a B-tree index on a "C"-collated column answers directly. */
public final class Prefixes {

    private Prefixes() {
    }

    /**
     * The smallest string greater than every string starting with {@code prefix}: the last code point plus one. Unlike
     * {@code LIKE 'x%'} with a bound parameter, a range keeps using the index under generic plans.
     */
    public static String upperBound(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        if (last == Character.MAX_CODE_POINT) {
            return prefix + "\uFFFF";
        }
        int start = prefix.length() - Character.charCount(last);
        return prefix.substring(0, start) + new String(Character.toChars(last + 1));
    }
}
