package cloud.dangjian.benchmarks;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Composes resident ID card numbers (GB 11643-1999) that pass the platform's mod-11 check. */
final class IdCards {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK_CHARACTERS = "10X98765432";

    private IdCards() {
    }

    /** The check character of the first 17 digits: the weighted sum modulo 11 indexes "10X98765432". */
    static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 digits, got " + first17.length() + " characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char digit = first17.charAt(i);
            if (digit < '0' || digit > '9') {
                throw new IllegalArgumentException("not a digit at position " + (i + 1) + ": " + first17);
            }
            sum += (digit - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /**
     * The number of a person registered in {@code regionCode}, born on {@code birthDate}; the standard makes the
     * sequence odd for men and even for women, which is why the caller chooses it.
     */
    static String number(String regionCode, LocalDate birthDate, int sequence) {
        if (regionCode.length() != 6 || sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("region code must be 6 digits and sequence 0-999");
        }
        String first17 = regionCode + DateTimeFormatter.BASIC_ISO_DATE.format(birthDate)
                + String.format("%03d", sequence);
        return first17 + checkCharacter(first17);
    }

    /** Whether {@code number} is 17 digits and the right check character, as the platform checks it. */
    static boolean isValid(String number) {
        return number != null && number.matches("[0-9]{17}[0-9X]")
                && checkCharacter(number.substring(0, 17)) == number.charAt(17);
    }
}
