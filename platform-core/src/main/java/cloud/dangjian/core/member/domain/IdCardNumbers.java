package cloud.dangjian.core.member.domain;

import java.util.Optional;

/**
 * Resident ID card numbers (居民身份证号码, GB 11643-1999): 18 characters, the last a mod-11 check character.
 */
public final class IdCardNumbers {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

    private IdCardNumbers() {
    }

    /** Normalises (trim, upper-case x) and explains what is wrong, or returns empty if the number is valid. */
    public static Optional<String> problemWith(String number) {
        if (number == null || !number.matches("^[0-9]{17}[0-9X]$")) {
            return Optional.of("must be 18 characters: 17 digits and a digit or X");
        }
        if (checkCharacter(number.substring(0, 17)) != number.charAt(17)) {
            return Optional.of("check character does not match: the number is mistyped");
        }
        return Optional.empty();
    }

    public static String normalise(String number) {
        return number == null ? null : number.trim().toUpperCase();
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Shows the region code's first three and the last four characters only: {@code 320***********123X}. */
    public static String mask(String number) {
        return number.substring(0, 3) + "*".repeat(number.length() - 7) + number.substring(number.length() - 4);
    }
}
