package cloud.dangjian.core.web.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CSRF tokens for the shell's forms: an HMAC of the signed-in user and the tenant under the platform's secret, so a
 * form served by one replica is accepted by another and survives a rolling restart. A form posted from another site
 * cannot carry it; the session cookie is also SameSite=Lax.
 */
@ApplicationScoped
public class FormTokens {

    public static final String FIELD = "csrf";

    @ConfigProperty(name = "dangjian.security.id-card-key")
    String platformSecret;

    public String issue(String username, String tenant) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(platformSecret), "HmacSHA256"));
            // A purpose prefix keeps these tokens apart from every other signature made with the platform's secret.
            mac.update("form-token".getBytes(StandardCharsets.UTF_8));
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
