package cloud.dangjian.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdCardsTest {

    @Test
    void checkCharactersOfPublishedExamples() {
        // The examples of GB 11643-1999 and its commentaries, which every validator agrees on.
        assertEquals('X', IdCards.checkCharacter("11010519491231002"));
        assertEquals('4', IdCards.checkCharacter("44052418800101001"));
        assertTrue(IdCards.isValid("11010519491231002X"));
        assertTrue(IdCards.isValid("440524188001010014"));
    }

    @Test
    void checkCharacterIsSumOfWeightsModEleven() {
        // All zeros: sum 0 → '1'; a 1 in the 8th position (weight 1) → sum 1 → '0'; in the first (weight 7) → '5'.
        assertEquals('1', IdCards.checkCharacter("00000000000000000"));
        assertEquals('0', IdCards.checkCharacter("00000001000000000"));
        assertEquals('5', IdCards.checkCharacter("10000000000000000"));
    }

    @Test
    void composedNumbersCarryRegionBirthDateAndSequence() {
        String number = IdCards.number("320102", LocalDate.of(1985, 7, 1), 37);
        assertEquals("32010219850701037", number.substring(0, 17));
        assertTrue(IdCards.isValid(number));
    }

    @Test
    void aMistypedDigitFailsTheCheck() {
        assertFalse(IdCards.isValid("110105194912310021"));
        assertFalse(IdCards.isValid("11010519491231002x"));
        assertFalse(IdCards.isValid("1101051949123100X"));
        assertFalse(IdCards.isValid(null));
    }

    @Test
    void refusesWhatIsNotSeventeenDigits() {
        assertThrows(IllegalArgumentException.class, () -> IdCards.checkCharacter("1101051949123100"));
        assertThrows(IllegalArgumentException.class, () -> IdCards.checkCharacter("1101051949123100A"));
        assertThrows(IllegalArgumentException.class, () -> IdCards.number("32010", LocalDate.of(1985, 7, 1), 1));
    }
}
