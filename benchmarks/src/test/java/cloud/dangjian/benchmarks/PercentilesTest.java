package cloud.dangjian.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToHundred() {
        long[] values = LongStream.rangeClosed(1, 100).map(v -> 101 - v).toArray();
        Percentiles p = Percentiles.of(values);
        assertEquals(100, p.count());
        assertEquals(50, p.at(50));
        assertEquals(90, p.at(90));
        assertEquals(99, p.at(99));
        assertEquals(100, p.at(100));
        assertEquals(1, p.at(0.1));
        assertEquals(100, p.max());
    }

    @Test
    void roundsTheRankUp() {
        // n = 10: p50 is rank 5, p90 rank 9, p99 rank ⌈9.9⌉ = 10, so the maximum.
        Percentiles p = Percentiles.of(new long[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 });
        assertEquals(50, p.at(50));
        assertEquals(60, p.at(51));
        assertEquals(90, p.at(90));
        assertEquals(100, p.at(99));
    }

    @Test
    void oneValueIsEveryPercentile() {
        Percentiles p = Percentiles.of(new long[] { 7 });
        assertEquals(7, p.at(50));
        assertEquals(7, p.at(99));
        assertEquals(7, p.max());
    }

    @Test
    void noValuesGiveZero() {
        Percentiles p = Percentiles.of(new long[0]);
        assertEquals(0, p.count());
        assertEquals(0, p.at(99));
        assertEquals(0, p.max());
    }

    @Test
    void leavesTheInputUnsorted() {
        long[] values = { 3, 1, 2 };
        Percentiles.of(values);
        assertArrayEquals(new long[] { 3, 1, 2 }, values);
    }

    @Test
    void refusesPercentilesOutsideZeroToHundred() {
        Percentiles p = Percentiles.of(new long[] { 1 });
        assertThrows(IllegalArgumentException.class, () -> p.at(0));
        assertThrows(IllegalArgumentException.class, () -> p.at(100.5));
    }

    @Test
    void mergesThreadLogs() {
        LatencyLog a = new LatencyLog();
        LatencyLog b = new LatencyLog();
        // More than the initial capacity, to exercise growing.
        for (int i = 0; i < 20_000; i++) {
            a.add(i);
        }
        b.add(-1);
        long[] all = LatencyLog.merge(List.of(a, b));
        assertEquals(20_001, all.length);
        assertEquals(19_999, Percentiles.of(all).max());
        assertEquals(-1, all[20_000]);
    }
}
