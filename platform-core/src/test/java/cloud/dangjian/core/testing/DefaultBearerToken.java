package cloud.dangjian.core.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Signs every API test in as the platform administrator unless it says otherwise: a request that carries its own
 * {@code Authorization} header ({@link Tokens#of}) keeps it.
 */
public class DefaultBearerToken implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        String token = Tokens.of("platform-admin");
        Filter signIn = (request, response, chain) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", "Bearer " + token);
            }
            return chain.next(request, response);
        };
        RestAssured.replaceFiltersWith(signIn);
    }
}
