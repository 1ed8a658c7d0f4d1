package cloud.dangjian.core.storage.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds {@code Content-Disposition} values that carry a Chinese file name intact (RFC 6266 with RFC 8187). */
final class ContentDisposition {

    private ContentDisposition() {
    }

    /** {@code attachment; filename="<ascii fallback>"; filename*=UTF-8''<percent-encoded>}. */
    static String attachment(String filename) {
        String fallback = filename.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
