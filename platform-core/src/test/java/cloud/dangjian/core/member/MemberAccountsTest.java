package cloud.dangjian.core.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.dangjian.core.member.account.AccountQueue;
import cloud.dangjian.core.member.account.KeycloakAccounts;
import cloud.dangjian.core.testing.Fixtures;
import cloud.dangjian.core.testing.Tokens;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Members' logins against the real Keycloak of the test suite: the account worker creates, adopts, disables and enables
 * Keycloak users, and a login it cannot create leaves the member in place with the error visible.
 */
@QuarkusTest
class MemberAccountsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Keycloak keycloak;

    @Inject
    Scheduler scheduler;

    @Inject
    AccountQueue queue;

    String region;
    String tenant;
    long branch;

    @BeforeEach
    void tenantWithABranch() {
        region = Fixtures.region();
        tenant = Fixtures.tenant(region, 100);
        long committee = Fixtures.organisation(tenant, "C1", "COMMITTEE", null);
        branch = Fixtures.organisation(tenant, "B1", "BRANCH", committee);
    }

    @Test
    void shouldCreateTheKeycloakUserOfANewMemberWithALoginThatMustChooseAPassword() {
        String login = login("zhang");
        JsonPath created = createMember("M1", "张伟 (Zhang Wei)", login.toUpperCase(Locale.ROOT)).then().statusCode(201)
                .body("username", equalTo(login)).body("accountStatus", equalTo("PENDING")).extract().jsonPath();
        long id = created.getLong("id");

        JsonPath account = awaitAccount(id, "ACTIVE");
        UserRepresentation user = onlyUser(login);
        assertEquals(user.getId(), account.getString("keycloakUserId"));
        assertTrue(user.isEnabled());
        // Keycloak refuses brackets in names; they are left out rather than failing the account.
        assertEquals("张伟 Zhang Wei", user.getFirstName());
        assertEquals(List.of(KeycloakAccounts.UPDATE_PASSWORD), user.getRequiredActions());
        assertEquals(List.of(tenant + "/" + id), user.getAttributes().get(KeycloakAccounts.MEMBER_ATTRIBUTE));
        assertEquals("DONE", account.getString("tasks[0].state"));
        // The login reaches the member's tenant.
        given().queryParam("username", login).get("/api/admin/memberships").then().statusCode(200)
                .body("findAll { it.role == 'MEMBER' }.tenant", equalTo(List.of(tenant)));

        // Asking again (as an administrator retrying would) adopts the same user: no second one, the same id.
        given().contentType(ContentType.JSON).body(Map.of("username", login))
                .put("/api/t/{tenant}/members/{id}/account", tenant, id).then().statusCode(202);
        JsonPath again = awaitTasksDone(id);
        assertEquals(user.getId(), again.getString("keycloakUserId"));
        assertEquals(1, users().searchByUsername(login, true).size());

        // A one-time password is shown once; Keycloak makes the member choose their own before any token.
        String password = given().post("/api/t/{tenant}/members/{id}/account/one-time-password", tenant, id).then()
                .statusCode(200).header("Cache-Control", "no-store").body("username", equalTo(login)).extract()
                .jsonPath().getString("temporaryPassword");
        assertTrue(password.matches("^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$"), password);
        HttpResponse<String> first = Tokens.request("dangjian-cli", login, password);
        assertEquals(400, first.statusCode(), first.body());
        assertTrue(first.body().contains("not fully set up"), first.body());
        assertFalse(Tokens.request("dangjian-cli", login, "wrong-" + password).body().contains("not fully set up"));
    }

    @Test
    void shouldFinishTheWorkOfWorkersThatDiedHalfWayWithoutASecondUser() {
        String login = login("crash");
        long id;
        scheduler.pause("member-accounts");
        try {
            id = createMember("M8", "孙丽", login).then().statusCode(201).extract().jsonPath().getLong("id");
            // While its task is open the login stays: a worker may be making that user right now.
            given().contentType(ContentType.JSON).body(Map.of("username", login("other")))
                    .put("/api/t/{tenant}/members/{id}/account", tenant, id).then().statusCode(409)
                    .body("detail", containsString("is being created"));
            // A worker made the user and died before recording it: the user carries the member's reference.
            UserRepresentation made = new UserRepresentation();
            made.setUsername(login);
            made.setEnabled(true);
            made.setAttributes(Map.of(KeycloakAccounts.MEMBER_ATTRIBUTE, List.of(tenant + "/" + id)));
            try (Response response = users().create(made)) {
                assertEquals(201, response.getStatus());
            }
            // Another worker claimed the task and died too: the task is due again once its lease runs out.
            List<Long> claimed = queue.claim(100, Duration.ofSeconds(2)).stream()
                    .filter(task -> task.memberId() == id && task.tenantId().equals(tenant)).map(task -> task.id())
                    .toList();
            assertEquals(1, claimed.size());
            assertEquals("PENDING", given().get("/api/t/{tenant}/members/{id}/account", tenant, id).then().extract()
                    .jsonPath().getString("status"));
        } finally {
            scheduler.resume("member-accounts");
        }
        JsonPath account = awaitAccount(id, "ACTIVE");
        assertEquals(onlyUser(login).getId(), account.getString("keycloakUserId"));
        assertEquals(2, account.getInt("tasks[0].attempts"));
        assertEquals("DONE", account.getString("tasks[0].state"));
    }

    @Test
    void shouldCreateTheAccountsOfImportedMembers() {
        String organisations = """
                tenant,code,name,kind,parent_code
                %1$s,B2,第二党支部,BRANCH,C1
                """.formatted(tenant);
        importCsv("organisations", organisations).then().statusCode(200);
        String a = login("imp-a");
        String b = login("imp-b");
        String c = login("imp-c");
        String members = """
                tenant,code,name,gender,status,branch_code,username
                %1$s,I1,李明,男,正式,B2,%2$s
                %1$s,I2,王芳,女,预备,B2,%3$s
                %1$s,I3,赵强,男,正式,B2,%4$s
                %1$s,I4,无账号,男,正式,B2,
                """.formatted(tenant, a, b.toUpperCase(Locale.ROOT), c);
        importCsv("members", members).then().statusCode(200).body("created", equalTo(4));

        JsonPath found = given().queryParam("size", 10).get("/api/t/{tenant}/members", tenant).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Integer> idsByCode = new java.util.HashMap<>();
        List<Map<String, Object>> items = found.getList("items");
        items.forEach(item -> idsByCode.put((String) item.get("code"), (Integer) item.get("id")));
        for (String code : List.of("I1", "I2", "I3")) {
            awaitAccount(idsByCode.get(code), "ACTIVE");
        }
        for (String username : List.of(a, b, c)) {
            UserRepresentation user = onlyUser(username);
            assertEquals(List.of(KeycloakAccounts.UPDATE_PASSWORD), user.getRequiredActions());
        }
        JsonPath none = given().get("/api/t/{tenant}/members/{id}/account", tenant, idsByCode.get("I4")).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("NONE", none.getString("status"));
        assertEquals(0, none.getList("tasks").size());

        // Importing the same file again queues nothing new.
        importCsv("members", members).then().statusCode(200).body("unchanged", equalTo(4));
        JsonPath account = given().get("/api/t/{tenant}/members/{id}/account", tenant, idsByCode.get("I1")).then()
                .extract().jsonPath();
        assertEquals(1, account.getList("tasks").size());
        // A login whose Keycloak user exists cannot change (Keycloak does not rename users); a new one can be given.
        JsonPath refused = importCsv("members",
                members.replace(a, login("renamed")).replace(",B2,\n", ",B2," + login("late") + "\n")).then()
                        .statusCode(422).extract().jsonPath();
        assertEquals(List.of("2:username"), refused.getList("errors.collect { it.line + ':' + it.field }"));
        importCsv("members", members.replace(",B2,\n", ",B2," + login("late") + "\n")).then().statusCode(200)
                .body("updated", equalTo(1));
        awaitAccount(idsByCode.get("I4"), "ACTIVE");
        // A new name reaches the Keycloak user.
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "李明明", "gender", "MALE", "status", "FULL", "branchId",
                        found.getLong("items.find { it.code == 'I1' }.branchId")))
                .put("/api/t/{tenant}/members/{id}", tenant, idsByCode.get("I1")).then().statusCode(200);
        awaitAccount(idsByCode.get("I1"), "ACTIVE");
        assertEquals("李明明", onlyUser(a).getFirstName());
        importCsv("members", members.replace("王芳", "王芳芳")).then().statusCode(200);
        awaitAccount(idsByCode.get("I2"), "ACTIVE");
        assertEquals("王芳芳", onlyUser(b).getFirstName());
    }

    @Test
    void shouldParkALoginThatAnotherKeycloakUserHoldsAndKeepTheMember() {
        String taken = login("foreign");
        UserRepresentation foreign = new UserRepresentation();
        foreign.setUsername(taken);
        foreign.setEnabled(true);
        try (Response response = users().create(foreign)) {
            assertEquals(201, response.getStatus());
        }
        long id = createMember("M2", "刘洋", taken).then().statusCode(201).extract().jsonPath().getLong("id");

        JsonPath account = awaitAccount(id, "FAILED");
        assertNull(account.getString("keycloakUserId"));
        assertEquals("FAILED", account.getString("tasks[0].state"));
        assertTrue(account.getString("tasks[0].lastError").contains("already belongs to a Keycloak user"),
                account.getString("tasks[0].lastError"));
        // The member stays; the foreign user is neither linked, nor changed, nor given the tenant.
        given().get("/api/t/{tenant}/members/{id}", tenant, id).then().statusCode(200).body("accountStatus",
                equalTo("FAILED"));
        UserRepresentation untouched = onlyUser(taken);
        assertTrue(untouched.getAttributes() == null
                || !untouched.getAttributes().containsKey(KeycloakAccounts.MEMBER_ATTRIBUTE));
        assertTrue(untouched.getRequiredActions().isEmpty());
        given().queryParam("username", taken).get("/api/admin/memberships").then().statusCode(200).body("size()",
                equalTo(0));

        // Another login fixes it: the parked task is superseded and the account is made.
        String other = login("liu");
        given().contentType(ContentType.JSON).body(Map.of("username", other))
                .put("/api/t/{tenant}/members/{id}/account", tenant, id).then().statusCode(202)
                .body("status", equalTo("PENDING"));
        JsonPath fixed = awaitAccount(id, "ACTIVE");
        assertEquals(onlyUser(other).getId(), fixed.getString("keycloakUserId"));
        assertEquals(List.of("DONE", "SUPERSEDED"), fixed.getList("tasks.state"));
    }

    @Test
    void shouldRetryTheTenantsFailedAccountsOnceTheCauseIsGone() {
        String taken = login("gone");
        UserRepresentation foreign = new UserRepresentation();
        foreign.setUsername(taken);
        foreign.setEnabled(true);
        String foreignId;
        try (Response response = users().create(foreign)) {
            assertEquals(201, response.getStatus());
            foreignId = onlyUser(taken).getId();
        }
        long id = createMember("M11", "马超", taken).then().statusCode(201).extract().jsonPath().getLong("id");
        awaitAccount(id, "FAILED");
        given().post("/api/t/{tenant}/members/accounts/retry", tenant).then().statusCode(200).body("queued",
                equalTo(1));
        awaitAccount(id, "FAILED");

        users().get(foreignId).remove();
        given().post("/api/t/{tenant}/members/accounts/retry", tenant).then().statusCode(200).body("queued",
                equalTo(1));
        JsonPath account = awaitAccount(id, "ACTIVE");
        assertEquals(onlyUser(taken).getId(), account.getString("keycloakUserId"));
        assertEquals(List.of("DONE", "SUPERSEDED", "SUPERSEDED"), account.getList("tasks.state"));
        given().post("/api/t/{tenant}/members/accounts/retry", tenant).then().statusCode(200).body("queued",
                equalTo(0));
    }

    @Test
    void shouldRefuseALoginAnotherMemberHoldsEvenInAnotherTenant() {
        String login = login("dup");
        createMember("M3", "陈静", login).then().statusCode(201);
        createMember("M4", "陈静二", login).then().statusCode(409).contentType("application/problem+json").body("field",
                equalTo("username"));

        String otherTenant = Fixtures.tenant(region, 10);
        long otherBranch = Fixtures.organisation(otherTenant, "B1", "BRANCH", null);
        given().contentType(ContentType.JSON)
                .body(Map.of("code", "M1", "username", login, "member",
                        Map.of("name", "别人", "gender", "MALE", "status", "FULL", "branchId", otherBranch)))
                .post("/api/t/{tenant}/members", otherTenant).then().statusCode(409).body("field", equalTo("username"));
        given().get("/api/t/{tenant}/members", otherTenant).then().body("items.size()", equalTo(0));

        createMember("M5", "坏账号", "x y").then().statusCode(400);

        // An import is refused whole, naming the line, for a login held in another tenant, in the file twice, or bad.
        importCsv("organisations", "tenant,code,name,kind,parent_code\n" + tenant + ",B9,支部,BRANCH,\n").then()
                .statusCode(200);
        String file = """
                tenant,code,name,gender,status,branch_code,username
                %1$s,I1,甲,男,正式,B9,%2$s
                %1$s,I2,乙,男,正式,B9,%3$s
                %1$s,I3,丙,男,正式,B9,%3$s
                %1$s,I4,丁,男,正式,B9,-bad
                """.formatted(tenant, login("fresh"), login("twice"));
        JsonPath refused = importCsv("members", file).then().statusCode(422).extract().jsonPath();
        assertEquals(List.of("4:username", "5:username"),
                refused.getList("errors.collect { it.line + ':' + it.field }"));
        importCsv("organisations", "tenant,code,name,kind,parent_code\n" + otherTenant + ",B9,支部,BRANCH,\n").then()
                .statusCode(200);
        String elsewhere = """
                tenant,code,name,gender,status,branch_code,username
                %1$s,I1,甲,男,正式,B9,%2$s
                %1$s,I2,乙,男,正式,B9,%3$s
                """.formatted(otherTenant, login("fresh"), login);
        importCsv("members", elsewhere).then().statusCode(422).body("errors[0].line", equalTo(3))
                .body("errors[0].field", equalTo("username"));
        given().get("/api/t/{tenant}/members", otherTenant).then().body("items.size()", equalTo(0));
    }

    @Test
    void shouldRefuseTokensToADisabledMemberAndAllowThemAgainOnceEnabled() {
        String login = login("wang");
        long id = createMember("M6", "王磊", login).then().statusCode(201).extract().jsonPath().getLong("id");
        String userId = awaitAccount(id, "ACTIVE").getString("keycloakUserId");
        // The member completes their first sign-in: their own password, no required action left.
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("Own-Password-1");
        password.setTemporary(false);
        users().get(userId).resetPassword(password);
        UserRepresentation user = users().get(userId).toRepresentation();
        user.setRequiredActions(List.of());
        users().get(userId).update(user);
        assertEquals(200, Tokens.request("dangjian-cli", login, "Own-Password-1").statusCode());

        given().post("/api/t/{tenant}/members/{id}/disable", tenant, id).then().statusCode(200).body("disabled",
                equalTo(true));
        awaitAccount(id, "DISABLED");
        assertFalse(users().get(userId).toRepresentation().isEnabled());
        HttpResponse<String> refused = Tokens.request("dangjian-cli", login, "Own-Password-1");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("invalid_grant"), refused.body());
        // The member record stays, marked disabled.
        given().get("/api/t/{tenant}/members/{id}", tenant, id).then().statusCode(200).body("disabled", equalTo(true));

        given().post("/api/t/{tenant}/members/{id}/enable", tenant, id).then().statusCode(200).body("disabled",
                equalTo(false));
        awaitAccount(id, "ACTIVE");
        assertEquals(200, Tokens.request("dangjian-cli", login, "Own-Password-1").statusCode());
    }

    @Test
    void shouldLetOnlyWritersDisableMembers() {
        long id = createMember("M7", "周敏", null).then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.of("member")).post("/api/t/{tenant}/members/{id}/disable", tenant, id).then()
                .statusCode(404);
        given().noFilters().post("/api/t/{tenant}/members/{id}/disable", tenant, id).then().statusCode(401);
        // A member without a login is disabled with no Keycloak work to do.
        given().post("/api/t/{tenant}/members/{id}/disable", tenant, id).then().statusCode(200);
        given().get("/api/t/{tenant}/members/{id}/account", tenant, id).then().statusCode(200)
                .body("status", equalTo("NONE")).body("memberDisabled", equalTo(true)).body("tasks.size()", equalTo(0));
        given().post("/api/t/{tenant}/members/{id}/account/one-time-password", tenant, id).then().statusCode(409)
                .body("detail", containsString("no active account"));
    }

    @Test
    void shouldLetABranchSecretaryManageAccountsOnlyInsideTheirBranch() {
        long committee = Fixtures.organisation(tenant, "C9", "COMMITTEE", null);
        long own = Fixtures.organisation(tenant, "B8", "BRANCH", committee);
        given().contentType(ContentType.JSON).body(Map.of("username", "branch-secretary", "role", "BRANCH_SECRETARY",
                "tenant", tenant, "organisationId", own)).post("/api/admin/memberships").then().statusCode(201);
        long outside = createMember("M9", "外支部", null).then().statusCode(201).extract().jsonPath().getLong("id");
        long inside = given().contentType(ContentType.JSON)
                .body(Map.of("code", "M10", "member",
                        Map.of("name", "本支部", "gender", "MALE", "status", "FULL", "branchId", own)))
                .post("/api/t/{tenant}/members", tenant).then().statusCode(201).extract().jsonPath().getLong("id");
        String secretary = Tokens.of("branch-secretary");

        for (String action : List.of("disable", "enable", "account/one-time-password")) {
            given().auth().oauth2(secretary).post("/api/t/{tenant}/members/{id}/" + action, tenant, outside).then()
                    .statusCode(403).body("type", equalTo("https://dangjian.cloud/problems/outside-your-organisation"));
        }
        given().auth().oauth2(secretary).contentType(ContentType.JSON).body(Map.of("username", login("out")))
                .put("/api/t/{tenant}/members/{id}/account", tenant, outside).then().statusCode(403);
        given().get("/api/t/{tenant}/members/{id}/account", tenant, outside).then().body("status", equalTo("NONE"))
                .body("memberDisabled", equalTo(false));

        given().auth().oauth2(secretary).contentType(ContentType.JSON).body(Map.of("username", login("in")))
                .put("/api/t/{tenant}/members/{id}/account", tenant, inside).then().statusCode(202);
        given().auth().oauth2(secretary).post("/api/t/{tenant}/members/{id}/disable", tenant, inside).then()
                .statusCode(200);
        awaitAccount(inside, "DISABLED");
    }

    private io.restassured.response.Response createMember(String code, String name, String username) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "member",
                Map.of("name", name, "gender", "MALE", "status", "FULL", "branchId", branch)));
        if (username != null) {
            body.put("username", username);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/t/{tenant}/members", tenant);
    }

    private io.restassured.response.Response importCsv(String kind, String csv) {
        return given().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/regions/{region}/imports/" + kind, region);
    }

    /** Polls the member's account until the worker has brought it to {@code status} and has no task queued. */
    private JsonPath awaitAccount(long id, String status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonPath account;
        do {
            account = given().get("/api/t/{tenant}/members/{id}/account", tenant, id).then().statusCode(200).extract()
                    .jsonPath();
            if (status.equals(account.getString("status")) && !account.getList("tasks.state").contains("QUEUED")) {
                return account;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError(
                "account of member " + id + " not " + status + " within " + WAIT + ": " + account.prettify());
    }

    private JsonPath awaitTasksDone(long id) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonPath account;
        do {
            account = given().get("/api/t/{tenant}/members/{id}/account", tenant, id).then().statusCode(200).extract()
                    .jsonPath();
            if (!account.getList("tasks.state").contains("QUEUED")) {
                return account;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("tasks of member " + id + " not done within " + WAIT + ": " + account.prettify());
    }

    private UserRepresentation onlyUser(String username) {
        List<UserRepresentation> found = users().searchByUsername(username, true);
        assertEquals(1, found.size(), "users named " + username);
        UserRepresentation user = users().get(found.get(0).getId()).toRepresentation();
        assertNotNull(user);
        return user;
    }

    private UsersResource users() {
        return keycloak.realm("dangjian").users();
    }

    private static String login(String prefix) {
        return Fixtures.unique(prefix).toLowerCase(Locale.ROOT);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
