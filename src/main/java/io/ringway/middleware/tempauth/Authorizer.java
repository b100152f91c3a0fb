package io.ringway.middleware.tempauth;

import io.ringway.middleware.acl.AccountAcls;
import io.ringway.middleware.acl.AclSource;
import io.ringway.middleware.acl.ContainerAcls;
import io.ringway.middleware.acl.ParsedAcl;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Swift tempauth's {@code authorize}: owners, reseller admins, container ACLs and account ACLs.
 * Swift's proxy calls it once it has looked up the container (deferred authorization); this
 * stage asks the {@link AclSource} itself, and only when the cheaper rules did not decide.
 */
final class Authorizer {

    private static final Logger log = LoggerFactory.getLogger(Authorizer.class);

    private final Realm realm;
    private final AclSource acls;

    Authorizer(Realm realm, AclSource acls) {
        this.realm = Objects.requireNonNull(realm, "realm");
        this.acls = Objects.requireNonNull(acls, "acls");
    }

    /**
     * Decides one request.
     *
     * @param request the method, path and headers that matter
     * @param groups the user's groups, empty when anonymous
     */
    Mono<Verdict> authorize(AuthRequest request, List<String> groups) {
        String account = request.account();
        String prefix = realm.accountPrefix(account);
        if (prefix == null) {
            log.debug("Account name {} does not start with reseller prefixes {}", account, realm.prefixes());
            return Mono.just(Verdict.DENIED);
        }
        // At this point tempauth is authoritative: an ACL header it sees must be valid.
        String accountAcl = request.accountAccessControl();
        if (accountAcl != null) {
            String error = AccountAcls.validationError(accountAcl);
            if (error != null) {
                return Mono.just(new Verdict.Invalid(
                        "X-Account-Access-Control invalid: " + error + "\n\nInput: " + accountAcl + "\n"));
            }
        }
        boolean realAccount = !realm.prefixes().contains(account) && !realm.dotAccount(account);
        if (groups.contains(".reseller_admin") && realAccount) {
            return Mono.just(new Verdict.Allowed(true));
        }
        String method = request.method();
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (groups.contains(".reseller_reader") && realAccount && read) {
            return Mono.just(new Verdict.Allowed(false));
        }
        String container = request.container();
        // An account admin may do anything but create or delete the account itself.
        if (groups.contains(account) && (container != null || !(method.equals("DELETE") || method.equals("PUT")))) {
            String requireGroup = realm.requireGroup(prefix);
            if (requireGroup.isEmpty() || groups.contains(requireGroup)) {
                return Mono.just(new Verdict.Allowed(true));
            }
        }
        if (method.equals("OPTIONS")) {
            return Mono.just(new Verdict.Allowed(false));
        }
        return containerAcl(request)
                .map(acl -> byContainerAcl(request, acl, groups))
                .defaultIfEmpty(false)
                .flatMap(allowed -> allowed
                        ? Mono.just((Verdict) new Verdict.Allowed(false))
                        : byAccountAcls(request, groups));
    }

    // Which container ACL Swift's proxy puts in req.acl: the read ACL for container listings and
    // object reads, the write ACL for object writes, none for accounts and container changes.
    private Mono<String> containerAcl(AuthRequest request) {
        String container = request.container();
        if (container == null) {
            return Mono.empty();
        }
        String method = request.method();
        boolean read = method.equals("GET") || method.equals("HEAD");
        boolean objectWrite = request.object() != null
                && (method.equals("PUT") || method.equals("POST") || method.equals("DELETE"));
        if (!read && !objectWrite) {
            return Mono.empty();
        }
        return acls.containerAcls(request.account(), container)
                .mapNotNull(found -> read ? found.read() : found.write());
    }

    private static boolean byContainerAcl(AuthRequest request, String acl, List<String> groups) {
        ParsedAcl parsed = ParsedAcl.parse(acl);
        if (parsed.referrerAllowed(request.referer())
                && (request.object() != null || parsed.groups().contains(".rlistings"))) {
            return true;
        }
        return AccountAcls.anyIn(groups, parsed.groups());
    }

    private Mono<Verdict> byAccountAcls(AuthRequest request, List<String> groups) {
        boolean read = request.method().equals("GET") || request.method().equals("HEAD");
        return acls.accountAcls(request.account())
                .<Verdict>mapNotNull(found -> byAccountAcls(found, groups, read, request.container()))
                .defaultIfEmpty(Verdict.DENIED);
    }

    private static @Nullable Verdict byAccountAcls(AccountAcls acls, List<String> groups, boolean read,
            @Nullable String container) {
        if (AccountAcls.anyIn(groups, acls.admin())) {
            return new Verdict.Allowed(true);
        }
        // read-write allows everything on containers and objects, but only reading the account.
        if (AccountAcls.anyIn(groups, acls.readWrite()) && (container != null || read)) {
            return new Verdict.Allowed(false);
        }
        if (AccountAcls.anyIn(groups, acls.readOnly()) && read) {
            return new Verdict.Allowed(false);
        }
        return null;
    }
}
