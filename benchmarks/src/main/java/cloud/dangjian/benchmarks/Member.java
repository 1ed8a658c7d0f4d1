package cloud.dangjian.benchmarks;

import java.time.LocalDate;
import java.util.List;

/** One row of the member import file, with the columns in the file's order. */
record Member(String tenant, String code, String name, boolean male, LocalDate birthDate, String ethnicity,
        String education, String phone, LocalDate joinedOn, boolean probationary, String branchCode, boolean mobile,
        String idCard) {

    static final List<String> HEADER = List.of("tenant", "code", "name", "gender", "birth_date", "ethnicity",
            "education", "phone", "joined_on", "status", "branch_code", "mobile", "id_card");

    List<String> cells() {
        return List.of(tenant, code, name, male ? "MALE" : "FEMALE", birthDate.toString(), ethnicity, education, phone,
                joinedOn.toString(), probationary ? "PROBATIONARY" : "FULL", branchCode, String.valueOf(mobile),
                idCard);
    }
}
