package cloud.dangjian.core.web.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens for the shell's forms: an HMAC of the signed-in user and the tenant under a key this node draws at
 * start-up. A form posted from another site cannot carry it; the session cookie is also SameSite=Lax. A restart
 * invalidates open forms, which then ask the user to submit again.
 */
@ApplicationScoped
public class FormTokens {

    public static final String FIELD = "csrf";

    private byte[] key;

    @PostConstruct
    void init() {
        key = new byte[32];
        new SecureRandom().nextBytes(key);
    }

    public String issue(String username, String tenant) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] token = mac.doFinal((username + "\u0000" + tenant).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean valid(String token, String username, String tenant) {
        return token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                issue(username, tenant).getBytes(StandardCharsets.US_ASCII));
    }
}
