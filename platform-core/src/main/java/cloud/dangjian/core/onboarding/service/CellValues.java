package cloud.dangjian.core.onboarding.service;

import cloud.dangjian.core.member.domain.Gender;
import cloud.dangjian.core.member.domain.MemberStatus;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads cell text the way secretaries type it: ISO or slashed dates (and Excel's date serials), 男/女 as well as
 * MALE/FEMALE, 正式/预备 as well as FULL/PROBATIONARY, 是/否 as well as true/false.
 */
final class CellValues {

    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private CellValues() {
    }

    static Optional<LocalDate> date(String text) {
        if (text.matches("^[0-9]{5}$")) {
            return Optional.of(EXCEL_EPOCH.plusDays(Long.parseLong(text)));
        }
        try {
            return Optional.of(text.contains("/") ? LocalDate.parse(text, SLASHED) : LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Gender> gender(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "MALE", "M", "男" -> Optional.of(Gender.MALE);
            case "FEMALE", "F", "女" -> Optional.of(Gender.FEMALE);
            default -> Optional.empty();
        };
    }

    static Optional<MemberStatus> status(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "FULL", "正式", "正式党员" -> Optional.of(MemberStatus.FULL);
            case "PROBATIONARY", "预备", "预备党员" -> Optional.of(MemberStatus.PROBATIONARY);
            default -> Optional.empty();
        };
    }

    static Optional<Boolean> bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "是" -> Optional.of(true);
            case "false", "no", "n", "0", "否" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
