package cloud.dangjian.core.paging;

import cloud.dangjian.core.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The position after the last row of a slice sorted by (text key, id), encoded as an opaque URL-safe string.
 *
 * @param key
 *            the sort key of the last row
 * @param id
 *            the id of the last row, which breaks ties
 */
public record KeysetCursor(String key, long id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((id + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor from the {@code after} parameter; a tampered one is refused naming that parameter. */
    public static KeysetCursor decode(String encoded) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return new KeysetCursor(text.substring(colon + 1), Long.parseLong(text.substring(0, colon)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw ProblemException.invalidField("after", "not a cursor this API returned; pass the 'next' value as is");
        }
    }
}
