package cloud.dangjian.benchmarks;

import java.util.Arrays;
import java.util.Collection;
import java.util.random.RandomGenerator;

/**
 * The names of the big tenant's members, sorted: draws search prefixes with the data's own distribution (a random
 * member's first one or two characters, so 王 comes up as often as there are Wangs) and says how many members each
 * prefix must find, which lets the load phases check answers and not only time them.
 */
final class NameIndex {

    private final String[] sorted;

    NameIndex(Collection<String> names) {
        this.sorted = names.toArray(String[]::new);
        // String order is code-point order for these names (all in the Basic Multilingual Plane), the order of a
        // "C"-collated column, so prefix ranges here are the database's.
        Arrays.sort(sorted);
    }

    int size() {
        return sorted.length;
    }

    /** The first one or two characters of a random member's name. */
    String randomPrefix(RandomGenerator random) {
        String name = sorted[random.nextInt(sorted.length)];
        int length = Math.min(name.length(), 1 + random.nextInt(2));
        return name.substring(0, length);
    }

    /** How many names start with {@code prefix}. */
    int countWithPrefix(String prefix) {
        int from = firstAtOrAfter(prefix);
        int to = firstAtOrAfter(upperBound(prefix));
        return to - from;
    }

    /**
     * The smallest string after every string starting with {@code prefix}: its last character plus one, as the platform
     * bounds its search. Names never end in U+FFFF, so the increment cannot wrap.
     */
    static String upperBound(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }

    private int firstAtOrAfter(String key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle].compareTo(key) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
