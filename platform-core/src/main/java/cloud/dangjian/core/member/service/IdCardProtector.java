package cloud.dangjian.core.member.service;

import cloud.dangjian.core.member.domain.IdCardNumbers;
import cloud.dangjian.core.member.domain.ProtectedIdCard;
import cloud.dangjian.core.security.SecurityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts ID card numbers (AES-256-GCM, random nonce) and derives a keyed hash (HMAC-SHA256) so equal numbers can be
 * found and kept unique without decrypting, and re-imports can tell an unchanged number from a new one.
 */
@ApplicationScoped
public class IdCardProtector {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public IdCardProtector(SecurityConfig config) {
        byte[] key = Base64.getDecoder().decode(config.idCardKey());
        if (key.length != 32) {
            throw new IllegalStateException("dangjian.security.id-card-key must be 32 bytes, base64-encoded");
        }
        this.encryptionKey = new SecretKeySpec(key, "AES");
        // A separate key for hashing, derived so that one secret is all an operator keeps.
        this.hashKey = new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"), "id-card-hash"), "HmacSHA256");
    }

    /** Protects a valid, normalised number. */
    public ProtectedIdCard protect(String number) {
        return new ProtectedIdCard(encrypt(number), hash(number), IdCardNumbers.mask(number));
    }

    public byte[] hash(String number) {
        return hmac(hashKey, number);
    }

    public String reveal(byte[] cipherText) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, cipherText, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(cipherText, NONCE_BYTES, cipherText.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("An ID card number could not be decrypted with the configured key", e);
        }
    }

    private byte[] encrypt(String number) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(number.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static byte[] hmac(SecretKeySpec key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
