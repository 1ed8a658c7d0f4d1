package cloud.dangjian.core.web.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The verification code on a member's electronic activity card (电子党员活动证): the member number and a signature of it for
 * this tenant, short enough to type ({@code M0001-7K3Q9XMA}). Signed with a key derived from the platform's secret, so
 * every node and every restart agrees, and a code cannot be made up or moved to another tenant.
 */
@ApplicationScoped
public class ActivityCards {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    @ConfigProperty(name = "dangjian.security.id-card-key")
    String platformSecret;

    /** The code for a member of a tenant. */
    public String code(String tenant, String memberCode) {
        return memberCode + "-" + signature(tenant, memberCode);
    }

    /** The member number a code vouches for in this tenant, if its signature holds. */
    public Optional<String> memberCodeOf(String tenant, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String trimmed = code.strip().toUpperCase();
        int dash = trimmed.lastIndexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        String memberCode = code.strip().substring(0, dash);
        String expected = signature(tenant, memberCode);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                trimmed.substring(dash + 1).getBytes(StandardCharsets.US_ASCII)) ? Optional.of(memberCode)
                        : Optional.empty();
    }

    private String signature(String tenant, String memberCode) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = Base64.getDecoder().decode(platformSecret);
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update("activity-card".getBytes(StandardCharsets.UTF_8));
            byte[] digest = mac.doFinal((tenant + "\u0000" + memberCode).getBytes(StandardCharsets.UTF_8));
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                code.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
            }
            return code.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
