package cloud.dangjian.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NameIndexTest {

    private final NameIndex names = new NameIndex(List.of("王明", "王明", "王明华", "王芳", "汪洋", "李伟", "欧阳娜"));

    @Test
    void countsNamesByPrefix() {
        assertEquals(4, names.countWithPrefix("王"));
        assertEquals(3, names.countWithPrefix("王明"));
        assertEquals(1, names.countWithPrefix("王明华"));
        assertEquals(1, names.countWithPrefix("欧阳"));
        assertEquals(0, names.countWithPrefix("赵"));
        assertEquals(7, names.size());
    }

    @Test
    void upperBoundIsTheLastCharacterPlusOne() {
        assertEquals("王" + (char) ('明' + 1), NameIndex.upperBound("王明"));
    }

    @Test
    void prefixesAreOneOrTwoCharactersOfRealNames() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            String prefix = names.randomPrefix(random);
            assertTrue(prefix.length() == 1 || prefix.length() == 2, prefix);
            assertTrue(names.countWithPrefix(prefix) > 0, prefix);
        }
    }
}
