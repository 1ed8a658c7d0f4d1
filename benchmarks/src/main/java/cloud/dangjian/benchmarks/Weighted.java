package cloud.dangjian.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Draws values in proportion to fixed integer weights, so generated data follows real-world frequencies. */
final class Weighted<T> {

    private final List<T> values = new ArrayList<>();
    private final List<Integer> cumulative = new ArrayList<>();
    private int total;

    /** Adds a value; the order of adding is part of the sequence a seeded generator draws. */
    Weighted<T> add(T value, int weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be positive: " + value + " " + weight);
        }
        total += weight;
        values.add(value);
        cumulative.add(total);
        return this;
    }

    T pick(RandomGenerator random) {
        int ticket = random.nextInt(total);
        // Binary search over the running totals: the first value whose total exceeds the ticket.
        int low = 0;
        int high = cumulative.size() - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative.get(middle) > ticket) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return values.get(low);
    }
}
