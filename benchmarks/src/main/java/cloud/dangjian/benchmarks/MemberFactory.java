package cloud.dangjian.benchmarks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Makes plausible Party members for one tenant: names, birth dates and joining dates that obey the platform's rules
 * (joined at 18 or older, probationary members within the last year), and ID card numbers unique within the tenant.
 */
final class MemberFactory {

    /**
     * The "today" of the data set. Fixed rather than {@code LocalDate.now()} so that a run next year writes the same
     * files, and a re-import against an older data directory stays unchanged.
     */
    static final LocalDate DATA_DATE = LocalDate.of(2025, 1, 1);

    private static final LocalDate OLDEST_BIRTH = LocalDate.of(1940, 1, 1);
    private static final LocalDate YOUNGEST_BIRTH = LocalDate.of(2003, 12, 31);

    private static final Weighted<String> ETHNICITIES = new Weighted<String>().add("汉族", 910).add("壮族", 14)
            .add("回族", 10).add("满族", 10).add("维吾尔族", 8).add("苗族", 8).add("彝族", 7).add("土家族", 7).add("藏族", 5)
            .add("蒙古族", 5).add("朝鲜族", 2).add("白族", 2).add("侗族", 2);
    private static final Weighted<String> EDUCATIONS = new Weighted<String>().add("研究生", 8).add("大学本科", 35)
            .add("大学专科", 22).add("中专", 10).add("高中", 12).add("初中及以下", 13);
    /** Household registration districts; the benchmark city (a Nanjing district) dominates as it would locally. */
    private static final Weighted<String> BIRTH_REGIONS = new Weighted<String>().add("320102", 30).add("320104", 15)
            .add("320505", 5).add("110101", 3).add("110108", 3).add("120101", 2).add("310101", 3).add("310115", 3)
            .add("330106", 4).add("340104", 3).add("350102", 2).add("370102", 3).add("410105", 3).add("420106", 3)
            .add("430104", 2).add("440106", 3).add("440305", 2).add("500103", 2).add("510107", 2).add("610113", 2)
            .add("210102", 1).add("230103", 1).add("130102", 1).add("140105", 1).add("360102", 1).add("530102", 1);
    private static final String PHONE_SECOND_DIGITS = "3333555788899";

    private final String tenant;
    private final List<String> branchCodes;
    private final ChineseNames names = new ChineseNames();
    /** The platform refuses a file repeating an ID card number within a tenant. */
    private final Set<String> idCards = new HashSet<>();

    MemberFactory(String tenant, List<String> branchCodes) {
        if (branchCodes.isEmpty()) {
            throw new IllegalArgumentException("tenant " + tenant + " has no branch for its members");
        }
        this.tenant = tenant;
        this.branchCodes = List.copyOf(branchCodes);
    }

    /** The member numbered {@code index} (0-based), drawing everything else from {@code random}. */
    Member next(RandomGenerator random, int index) {
        // Party membership is about seven in ten men.
        boolean male = random.nextInt(10) < 7;
        String name = names.next(random, male);
        LocalDate birthDate = randomDate(random, OLDEST_BIRTH, YOUNGEST_BIRTH);
        boolean probationary = random.nextInt(100) < 5;
        LocalDate lastFullJoin = DATA_DATE.minusYears(1).minusDays(1);
        LocalDate joinedOn;
        if (probationary) {
            joinedOn = randomDate(random, DATA_DATE.minusDays(364), DATA_DATE.minusDays(1));
        } else {
            // Most people join between 18 and 40.
            LocalDate adult = birthDate.plusYears(18);
            LocalDate latest = adult.plusYears(22).isBefore(lastFullJoin) ? adult.plusYears(22) : lastFullJoin;
            joinedOn = randomDate(random, adult, latest);
        }
        String idCard;
        do {
            int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
            idCard = IdCards.number(BIRTH_REGIONS.pick(random), birthDate, sequence);
        } while (!idCards.add(idCard));
        return new Member(tenant, String.format("M%07d", index + 1), name, male, birthDate, ETHNICITIES.pick(random),
                EDUCATIONS.pick(random), phone(random), joinedOn, probationary,
                branchCodes.get(random.nextInt(branchCodes.size())), random.nextInt(100) < 3, idCard);
    }

    private static String phone(RandomGenerator random) {
        StringBuilder phone = new StringBuilder("1");
        phone.append(PHONE_SECOND_DIGITS.charAt(random.nextInt(PHONE_SECOND_DIGITS.length())));
        for (int i = 0; i < 9; i++) {
            phone.append((char) ('0' + random.nextInt(10)));
        }
        return phone.toString();
    }

    private static LocalDate randomDate(RandomGenerator random, LocalDate from, LocalDate toInclusive) {
        long days = ChronoUnit.DAYS.between(from, toInclusive);
        return from.plusDays(random.nextLong(days + 1));
    }
}
