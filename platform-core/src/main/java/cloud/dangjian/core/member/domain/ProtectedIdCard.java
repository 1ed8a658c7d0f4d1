package cloud.dangjian.core.member.domain;

/**
 * An ID card number as it is stored: encrypted, a keyed hash for equality, and the masked form shown to people.
 *
 * @param cipher
 *            AES-GCM ciphertext with its nonce
 * @param hash
 *            HMAC-SHA256 of the normalised number
 * @param masked
 *            the number with all but the first three and last four characters hidden
 */
public record ProtectedIdCard(byte[] cipher, byte[] hash, String masked) {
}
