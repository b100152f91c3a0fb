package io.ringway.swift;

import java.util.Map;

/**
 * The reason phrases and explanations of Swift's {@code swob.RESPONSE_REASONS}: Swift's error
 * bodies are {@code <html><h1>Title</h1><p>Explanation</p></html>}, and clients that parse them
 * (or compare them, as Swift's functional tests do) expect exactly these words.
 */
public final class SwiftStatus {

    private static final Map<Integer, String[]> REASONS = Map.ofEntries(
            Map.entry(100, new String[] {"Continue", ""}),
            Map.entry(200, new String[] {"OK", ""}),
            Map.entry(201, new String[] {"Created", ""}),
            Map.entry(202, new String[] {"Accepted", "The request is accepted for processing."}),
            Map.entry(204, new String[] {"No Content", ""}),
            Map.entry(206, new String[] {"Partial Content", ""}),
            Map.entry(301, new String[] {"Moved Permanently", "The resource has moved permanently."}),
            Map.entry(302, new String[] {"Found", "The resource has moved temporarily."}),
            Map.entry(303, new String[] {"See Other",
                "The response to the request can be found under a different URI."}),
            Map.entry(304, new String[] {"Not Modified", ""}),
            Map.entry(307, new String[] {"Temporary Redirect", "The resource has moved temporarily."}),
            Map.entry(400, new String[] {"Bad Request", "The server could not comply with the request since "
                + "it is either malformed or otherwise incorrect."}),
            Map.entry(401, new String[] {"Unauthorized", "This server could not verify that you are "
                + "authorized to access the document you requested."}),
            Map.entry(402, new String[] {"Payment Required", "Access was denied for financial reasons."}),
            Map.entry(403, new String[] {"Forbidden", "Access was denied to this resource."}),
            Map.entry(404, new String[] {"Not Found", "The resource could not be found."}),
            Map.entry(405, new String[] {"Method Not Allowed", "The method is not allowed for this resource."}),
            Map.entry(406, new String[] {"Not Acceptable",
                "The resource is not available in a format acceptable to your browser."}),
            Map.entry(408, new String[] {"Request Timeout",
                "The server has waited too long for the request to be sent by the client."}),
            Map.entry(409, new String[] {"Conflict", "There was a conflict when trying to complete your request."}),
            Map.entry(410, new String[] {"Gone", "This resource is no longer available."}),
            Map.entry(411, new String[] {"Length Required", "Content-Length header required."}),
            Map.entry(412, new String[] {"Precondition Failed", "A precondition for this request was not met."}),
            Map.entry(413, new String[] {"Request Entity Too Large",
                "The body of your request was too large for this server."}),
            Map.entry(414, new String[] {"Request URI Too Long", "The request URI was too long for this server."}),
            Map.entry(415, new String[] {"Unsupported Media Type",
                "The request media type is not supported by this server."}),
            Map.entry(416, new String[] {"Requested Range Not Satisfiable", "The Range requested is not available."}),
            Map.entry(417, new String[] {"Expectation Failed", "Expectation failed."}),
            Map.entry(422, new String[] {"Unprocessable Entity", "Unable to process the contained instructions"}),
            Map.entry(499, new String[] {"Client Disconnect", "The client was disconnected during request."}),
            Map.entry(500, new String[] {"Internal Error", "The server has either erred or is incapable of "
                + "performing the requested operation."}),
            Map.entry(501, new String[] {"Not Implemented", "The requested method is not implemented by this server."}),
            Map.entry(502, new String[] {"Bad Gateway", "Bad gateway."}),
            Map.entry(503, new String[] {"Service Unavailable",
                "The server is currently unavailable. Please try again at a later time."}),
            Map.entry(504, new String[] {"Gateway Timeout", "A timeout has occurred speaking to a backend server."}),
            Map.entry(507, new String[] {"Insufficient Storage", "There was not enough space to save the resource."}));

    private SwiftStatus() {
    }

    /** The reason phrase, {@code "Not Found"}; for a status Swift does not name, {@code "Unknown"}. */
    public static String title(int status) {
        String[] reason = REASONS.get(status);
        return reason == null ? "Unknown" : reason[0];
    }

    /** The explanation Swift puts in default error bodies (empty for statuses that have none). */
    public static String explanation(int status) {
        String[] reason = REASONS.get(status);
        return reason == null ? "" : reason[1];
    }

    /**
     * Swift's default body for an error status: {@code <html><h1>Not Found</h1><p>The resource
     * could not be found.</p></html>}. Statuses without an explanation have an empty body.
     */
    public static String defaultBody(int status) {
        String explanation = explanation(status);
        if (explanation.isEmpty()) {
            return "";
        }
        return "<html><h1>" + title(status) + "</h1><p>" + explanation + "</p></html>";
    }

    /**
     * Swift's body for {@code HTTPInsufficientStorage(drive=...)}: the 507 explanation with
     * swob's {@code Drive: %(drive)s} filled in.
     */
    public static String insufficientStorageBody(String device) {
        return "<html><h1>" + title(507) + "</h1><p>" + explanation(507) + " Drive: " + device + "</p></html>";
    }
}
