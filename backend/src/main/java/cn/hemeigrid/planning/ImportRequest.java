package cn.hemeigrid.planning;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;

import cn.hemeigrid.system.RejectedRequestException;

/**
 * An uploaded grid file with the parameters of its import. Text files are decoded with the
 * charset of the Content-Type, UTF-8 when it names none.
 */
record ImportRequest(byte[] body, Charset charset, String format, String crs, boolean commit) {

    /**
     * Checks the parameters, so that a bad one is rejected before the file is read.
     *
     * @throws RejectedRequestException 400 for an unknown format or system, a {@code commit}
     *                                  other than true or false, or an empty body
     */
    static ImportRequest of(String format, String crs, String commit, HttpEntity<byte[]> request) {
        boolean committing = switch (commit == null ? "false" : commit.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw RejectedRequestException.badRequest("planning.import.commit-invalid", commit);
        };
        String checkedFormat = format == null || format.isBlank() ? "geojson" : format.strip().toLowerCase(Locale.ROOT);
        if (!GridFileReader.FORMATS.contains(checkedFormat)) {
            throw RejectedRequestException.badRequest("planning.file-format-unknown", String.valueOf(format));
        }
        if (crs != null && !crs.isBlank()) {
            ImportCrs.parse(crs);
        }
        byte[] body = request.getBody();
        if (body == null || body.length == 0) {
            throw RejectedRequestException.badRequest("planning.import.empty");
        }
        MediaType contentType = request.getHeaders().getContentType();
        Charset charset = contentType == null || contentType.getCharset() == null
                ? StandardCharsets.UTF_8
                : contentType.getCharset();
        return new ImportRequest(body, charset, checkedFormat, crs, committing);
    }
}
