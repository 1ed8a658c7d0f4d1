package cloud.dangjian.core.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import cloud.dangjian.core.testing.Fixtures;
import cloud.dangjian.core.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Notices go down the tree: a member reads those of their branch, of every organisation above it and of the whole
 * tenant, never a sibling branch's or another tenant's; a secretary publishes only inside their subtree.
 */
@QuarkusTest
class NoticesTest {

    @Test
    void shouldReachTheSubtreeAndRecordWhoReadIt() {
        Tree tree = readersTree();
        long wide = publish(null, tree.tenant, null, "全体党员大会", "周五下午三点").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        long toBranchA = publish(null, tree.tenant, tree.branchA, "一支部学习", "学习材料见附件").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        long toBranchB = publish(null, tree.tenant, tree.branchB, "二支部活动", "周六集合").then().statusCode(201).extract()
                .jsonPath().getLong("id");

        // The reader belongs to branch A: the whole tenant's notice and branch A's, newest first, both unread.
        as(READER).get("/api/t/{tenant}/notices", tree.tenant).then().statusCode(200)
                .body("id", contains((int) toBranchA, (int) wide)).body("read", contains(false, false));
        as(READER).get("/api/t/{tenant}/notices/{id}", tree.tenant, toBranchB).then().statusCode(404)
                .contentType("application/problem+json");

        as(READER).get("/api/t/{tenant}/notices/{id}", tree.tenant, toBranchA).then().statusCode(200)
                .body("body", equalTo("学习材料见附件")).body("read", equalTo(true));
        as(READER).get("/api/t/{tenant}/notices/{id}", tree.tenant, toBranchA).then().statusCode(200);
        as(READER).get("/api/t/{tenant}/notices", tree.tenant).then().body("read", contains(true, false));

        // The administrator sees every notice, how many read each, and how many members it reaches.
        given().get("/api/t/{tenant}/notices/{id}", tree.tenant, toBranchA).then().statusCode(200)
                .body("readCount", equalTo(2)).body("audience", equalTo(2));
        given().get("/api/t/{tenant}/notices", tree.tenant).then().body("id",
                contains((int) toBranchB, (int) toBranchA, (int) wide));
    }

    @Test
    void shouldKeepASecretaryInsideTheirSubtreeAndWriteNothingOnBadInput() {
        Tree tree = tree();
        Fixtures.grant("branch-secretary", "BRANCH_SECRETARY", tree.tenant, tree.branchA);

        publish("branch-secretary", tree.tenant, tree.branchA, "支部通知", "正文").then().statusCode(201);
        publish("branch-secretary", tree.tenant, null, "全体通知", "正文").then().statusCode(403)
                .contentType("application/problem+json").body("field", equalTo("organisationId"));
        publish("branch-secretary", tree.tenant, tree.branchB, "越权通知", "正文").then().statusCode(403).body("field",
                equalTo("organisationId"));
        publish(null, tree.tenant, 987_654_321L, "无此组织", "正文").then().statusCode(400).body("field",
                equalTo("organisationId"));
        publish(null, tree.tenant, null, " ", "正文").then().statusCode(400).body("errors.field", hasItem("title"));
        publish(null, tree.tenant, null, "标题", "x".repeat(10_001)).then().statusCode(400).body("errors.field",
                hasItem("body"));

        given().get("/api/t/{tenant}/notices", tree.tenant).then().body("title", contains("支部通知"));
        as("masses").get("/api/t/{tenant}/notices", tree.tenant).then().statusCode(403);
    }

    @Test
    void shouldNeverShowAnotherTenantsNotice() {
        Tree mine = readersTree();
        Tree theirs = tree();
        long secret = publish(null, theirs.tenant, null, "他人的通知", "不可见").then().statusCode(201).extract().jsonPath()
                .getLong("id");

        // Even an administrator of both tenants cannot read one tenant's notice through the other's URL.
        given().get("/api/t/{tenant}/notices/{id}", mine.tenant, secret).then().statusCode(404);
        given().get("/api/t/{tenant}/notices", mine.tenant).then().body("id", not(hasItem((int) secret)));
        as(READER).get("/api/t/{tenant}/notices/{id}", mine.tenant, secret).then().statusCode(404);
    }

    /**
     * A login is linked to one member on the whole platform, and ShellBrowserTest links the demo user {@code member};
     * this class links {@code second-member}, in the first tree it builds, for every test.
     */
    private static final String READER = "second-member";

    private static Tree linked;

    /** A tenant with two branches under a committee; {@link #READER} is a member of branch A, with one colleague. */
    private record Tree(String tenant, long branchA, long branchB) {
    }

    /** The tree whose branch A the reader belongs to; built once, since the reader's login can be linked only once. */
    private static synchronized Tree readersTree() {
        if (linked == null) {
            linked = tree();
            given().contentType(ContentType.JSON)
                    .body(Map.of("code", "m1", "username", READER, "member",
                            Map.of("name", "张三", "gender", "MALE", "status", "FULL", "branchId", linked.branchA)))
                    .post("/api/t/{tenant}/members", linked.tenant).then().statusCode(201);
        }
        return linked;
    }

    private static Tree tree() {
        String tenant = Fixtures.tenant(Fixtures.region(), 20);
        long committee = Fixtures.organisation(tenant, "c1", "COMMITTEE", null);
        long branchA = Fixtures.organisation(tenant, "b1", "BRANCH", committee);
        long branchB = Fixtures.organisation(tenant, "b2", "BRANCH", committee);
        Fixtures.grant(READER, "MEMBER", tenant, null);
        Fixtures.grant("masses", "MASSES", tenant, null);
        Fixtures.member(tenant, "m2", "李四", branchA);
        Fixtures.member(tenant, "m3", "王五", branchB);
        return new Tree(tenant, branchA, branchB);
    }

    private static Response publish(String username, String tenant, Long organisationId, String title, String body) {
        Map<String, Object> notice = new HashMap<>(Map.of("title", title, "body", body));
        if (organisationId != null) {
            notice.put("organisationId", organisationId);
        }
        RequestSpecification request = username == null ? given() : as(username);
        return request.contentType(ContentType.JSON).body(notice).post("/api/t/{tenant}/notices", tenant);
    }

    private static RequestSpecification as(String username) {
        return given().header("Authorization", "Bearer " + Tokens.of(username));
    }
}
