package cloud.dangjian.core.security;

import io.smallrye.config.ConfigMapping;

/** Keys for data protected at rest. */
@ConfigMapping(prefix = "dangjian.security")
public interface SecurityConfig {

    /**
     * The 256-bit key, base64, that encrypts ID card numbers and keys their hashes. Required: the embedded default
     * generates one in its data folder; production takes it from a secret ({@code DANGJIAN_SECURITY_ID_CARD_KEY}).
     */
    String idCardKey();
}
