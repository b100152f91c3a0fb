package io.ringway.federation.s3;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An S3 error answer ({@code <Error><Code>NoSuchBucket</Code>...}) and the Swift status it
 * becomes: a wrong digest is Swift's 422, too large an entity 413, the others keep their status
 * (a 5xx, or a refusal of the gateway's credentials, becomes 503 where the answer is forwarded).
 */
final class S3Error extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");

    private final int status;
    private final String code;

    S3Error(int status, String code) {
        super(status + " " + code, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** The error of an answer read whole. */
    static S3Error of(S3Client.Answer answer) {
        return new S3Error(answer.status(), code(answer.body()));
    }

    /** The {@code Code} of an S3 error document, or {@code ""}. */
    static String code(byte[] body) {
        Matcher matcher = CODE.matcher(new String(body, StandardCharsets.UTF_8));
        return matcher.find() ? matcher.group(1).strip() : "";
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** The status the Swift client gets. */
    int swiftStatus() {
        return switch (code) {
            case "BadDigest", "InvalidDigest" -> 422;
            case "EntityTooLarge" -> 413;
            default -> status;
        };
    }
}
