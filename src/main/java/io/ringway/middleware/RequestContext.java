package io.ringway.middleware;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * The state that stages share about one request, kept under a single exchange attribute
 * rather than in scattered string keys (Swift keeps it in the WSGI environ).
 */
public final class RequestContext {

    private static final String ATTRIBUTE = RequestContext.class.getName();

    private @Nullable String transactionId;
    private @Nullable String policy;
    private @Nullable Identity identity;
    private boolean swiftOwner;
    private boolean authorizeOverride;
    private @Nullable Authorize authorize;
    private @Nullable String swiftSource;
    private final List<String> logInfo = new ArrayList<>();
    private boolean accessLogMade;

    /** The context of an exchange, created on first use. */
    public static RequestContext of(ServerWebExchange exchange) {
        return (RequestContext) exchange.getAttributes().computeIfAbsent(ATTRIBUTE, key -> new RequestContext());
    }

    /** Swift's transaction id ({@code X-Trans-Id}), set by {@code catch_errors}. */
    public @Nullable String transactionId() {
        return transactionId;
    }

    public void transactionId(String transactionId) {
        this.transactionId = transactionId;
    }

    /** The storage policy name the request went to, once known (a metrics tag). */
    public @Nullable String policy() {
        return policy;
    }

    public void policy(String policy) {
        this.policy = policy;
    }

    /** Who the auth stage authenticated (Swift's {@code REMOTE_USER}), or {@code null} when anonymous. */
    public @Nullable Identity identity() {
        return identity;
    }

    public void identity(Identity identity) {
        this.identity = identity;
    }

    /**
     * Whether the auth stage found the request to come from the account's owner (Swift's
     * {@code swift_owner}): only then do account and container requests show or change the
     * owner-only headers (ACLs, sync keys, temp URL keys).
     */
    public boolean swiftOwner() {
        return swiftOwner;
    }

    public void swiftOwner(boolean swiftOwner) {
        this.swiftOwner = swiftOwner;
    }

    /**
     * Whether an earlier stage has authorized the request by its own means (Swift's
     * {@code swift.authorize_override}, set by tempurl or formpost): auth stages that allow
     * overrides then let it through.
     */
    public boolean authorizeOverride() {
        return authorizeOverride;
    }

    public void authorizeOverride(boolean authorizeOverride) {
        this.authorizeOverride = authorizeOverride;
    }

    /**
     * The auth stage's decision for other requests in this user's name (Swift's
     * {@code swift.authorize}), or {@code null} when no auth stage has decided this request yet.
     */
    public @Nullable Authorize authorize() {
        return authorize;
    }

    public void authorize(Authorize authorize) {
        this.authorize = Objects.requireNonNull(authorize, "authorize");
    }

    /**
     * The context of a subrequest a stage makes (Swift's {@code make_env}): the transaction id,
     * the user, {@code authorize} and its override carry over; the rest (owner flag, policy, log
     * info, access log made) starts afresh, so that a {@code proxy_logging} after the stage logs it.
     *
     * @param source the stage's {@code swift.source} for the access log ({@code SSC} for copy)
     * @param preAuthorized Swift's {@code make_pre_authed_env}: no auth stage refuses it
     */
    RequestContext subrequest(String source, boolean preAuthorized) {
        RequestContext child = new RequestContext();
        child.transactionId = transactionId;
        child.identity = identity;
        child.swiftSource = Objects.requireNonNull(source, "source");
        child.authorizeOverride = preAuthorized || authorizeOverride;
        child.authorize = preAuthorized ? null : authorize;
        return child;
    }

    /** Puts {@code context} on an exchange's attributes (a subrequest's own). */
    static void attach(Map<String, Object> attributes, RequestContext context) {
        attributes.put(ATTRIBUTE, context);
    }

    /**
     * Which stage made this request (Swift's {@code swift.source}, e.g. {@code SW} for staticweb),
     * or {@code null} for a client's request: access logs show it so that log processors can
     * leave subrequests out of bandwidth sums.
     */
    public @Nullable String swiftSource() {
        return swiftSource;
    }

    public void swiftSource(String swiftSource) {
        this.swiftSource = swiftSource;
    }

    /**
     * Extra facts for the access log line (Swift's {@code swift.log_info}), such as an
     * {@code x-delete-at} value; logged comma-separated in the order added.
     */
    public List<String> logInfo() {
        return List.copyOf(logInfo);
    }

    public void addLogInfo(String info) {
        logInfo.add(Objects.requireNonNull(info, "info"));
    }

    /**
     * Whether a {@code proxy_logging} stage has taken charge of logging this request (Swift's
     * {@code swift.proxy_access_log_made}), so that a second one later in the pipeline does not
     * log it again.
     */
    public boolean accessLogMade() {
        return accessLogMade;
    }

    public void accessLogMade(boolean accessLogMade) {
        this.accessLogMade = accessLogMade;
    }

    /**
     * An authenticated user.
     *
     * @param user the user as {@code account:user} (what access logs show)
     * @param groups all groups of the user, as Swift's {@code REMOTE_USER} lists them: the account,
     *     {@code account:user}, configured groups, the storage accounts of an {@code .admin}, and
     *     the groups of a valid {@code X-Service-Token}
     */
    public record Identity(String user, List<String> groups) {

        public Identity {
            Objects.requireNonNull(user, "user");
            groups = List.copyOf(groups);
        }
    }
}
