package io.ringway.federation.s3;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.ringway.federation.RemoteRequest;
import io.ringway.federation.RemoteResponse;
import io.ringway.federation.Target;
import io.ringway.federation.TargetGuard;
import io.ringway.federation.TargetHealth;
import io.ringway.federation.TargetHttp;
import io.ringway.federation.TargetLimits;
import io.ringway.federation.TargetProbe;
import io.ringway.federation.TargetProperties;
import io.ringway.federation.TargetType;
import io.ringway.federation.TargetUnavailableException;
import io.ringway.storage.db.BackendHttpException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An S3 cluster as a target: local container {@code c} of account {@code a} is the bucket the
 * {@code bucket} template names, and its objects are that bucket's keys. Swift's requests are
 * said in S3's terms and S3's answers in Swift's:
 * <ul>
 * <li>container PUT creates the bucket (201; 202 when the gateway owns it already), DELETE
 * deletes it (409 while it holds objects), HEAD and POST check it, GET lists it as Swift's
 * container server would (see {@link S3Listings}); counts and bytes come from listing it;
 * <li>object PUT streams the body (a length is needed: S3 takes no chunked body) with
 * {@code Content-MD5} from the client's {@code ETag}; GET and HEAD pass range and conditions;
 * POST replaces the metadata by copying the object onto itself; DELETE answers 404 for an object
 * that is not there, as Swift does (S3 answers 204);
 * <li>S3's errors become Swift's statuses ({@link S3Error}); an S3 answer the gateway does not
 * expect (a redirect to another region) is a 503.
 * </ul>
 * Container metadata stays in the local record: S3 buckets have none.
 */
public final class S3Target implements Target {

    private static final Logger LOG = LoggerFactory.getLogger(S3Target.class);
    private static final String HTML = "text/html; charset=UTF-8";
    private static final byte[] ACCEPTED = "<html><h1>Accepted</h1><p>The request is accepted for processing.</p></html>"
            .getBytes(StandardCharsets.US_ASCII);

    private final String name;
    private final TargetProperties properties;
    private final TargetHttp http;
    private final TargetGuard guard;
    private final S3Client client;
    private final S3Listings listings;
    private final BucketNames buckets;
    private final Clock clock;

    /**
     * @throws IllegalArgumentException when the bucket template cannot make valid bucket names
     */
    public S3Target(String name, TargetProperties properties, TargetLimits limits, TargetGuard guard, Clock clock) {
        this.name = requireNonNull(name, "name");
        this.properties = requireNonNull(properties, "properties");
        this.buckets = BucketNames.of(properties.bucket());
        this.guard = requireNonNull(guard, "guard");
        this.clock = requireNonNull(clock, "clock");
        boolean https = "https".equalsIgnoreCase(requireNonNull(properties.endpoint(), "endpoint").getScheme());
        this.http = new TargetHttp(name, limits, properties.tls(), https);
        this.client = new S3Client(http, properties, clock);
        this.listings = new S3Listings(client);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public @Nullable String refusedContainer(String account, String container) {
        if (buckets.bucket(account, container) != null) {
            return null;
        }
        return "Container name not allowed in this storage policy: no S3 bucket name its bucket template makes"
                + " for it keeps to the bucket naming rules";
    }

    @Override
    public boolean keepsContainerMetadata() {
        return false;
    }

    @Override
    public Mono<RemoteResponse> exchange(RemoteRequest request) {
        return guard.guarded(request, () -> dispatch(request)
                .onErrorResume(S3Error.class, e -> Mono.just(answer(e)))
                .onErrorResume(BackendHttpException.class, e -> Mono.just(made(e.status())))
                .onErrorResume(e -> e instanceof IOException && request.idempotent(), e -> dispatch(request))
                .onErrorMap(e -> !(e instanceof TargetUnavailableException),
                        e -> new TargetUnavailableException("target " + name + ": " + request.describe() + ": " + e, e)));
    }

    private Mono<RemoteResponse> dispatch(RemoteRequest request) {
        return Mono.defer(() -> {
            String bucket = buckets.bucket(request.account(), request.container());
            if (bucket == null) {
                // No bucket can have the name, so no such container exists there.
                return Mono.just(made(request.method().name().equals("PUT") ? 400 : 404));
            }
            String key = request.object();
            String method = request.method().name();
            if (key == null) {
                return switch (method) {
                    case "PUT" -> createBucket(bucket);
                    case "GET" -> list(bucket, request);
                    case "HEAD" -> headContainer(bucket);
                    case "POST" -> checkBucket(bucket);
                    case "DELETE" -> deleteBucket(bucket);
                    default -> Mono.just(made(405));
                };
            }
            return switch (method) {
                case "PUT" -> putObject(bucket, key, request);
                case "GET", "HEAD" -> getObject(bucket, key, request);
                case "POST" -> postObject(bucket, key, request);
                case "DELETE" -> deleteObject(bucket, key);
                default -> Mono.just(made(405));
            };
        });
    }

    // Containers

    private Mono<RemoteResponse> createBucket(String bucket) {
        Flux<ByteBuf> body = null;
        byte[] configuration = null;
        if (!properties.region().equals("us-east-1")) {
            configuration = ("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<LocationConstraint>" + properties.region() + "</LocationConstraint></CreateBucketConfiguration>")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] bytes = configuration;
            body = Flux.defer(() -> Flux.just(Unpooled.wrappedBuffer(bytes)));
        }
        return client.send("PUT", bucket, null, Map.of(), Map.of(), body, configuration == null ? 0 : configuration.length,
                        "PUT /" + bucket)
                .flatMap(S3Client::read)
                .map(answer -> {
                    if (answer.status() / 100 == 2) {
                        return made(201);
                    }
                    S3Error error = S3Error.of(answer);
                    if (error.code().equals("BucketAlreadyOwnedByYou")) {
                        return made(202);
                    }
                    if (error.code().equals("BucketAlreadyExists")) {
                        LOG.error("ERROR target {}: bucket {} belongs to another S3 account", name, bucket);
                        return made(503);
                    }
                    return answer(error);
                });
    }

    private Mono<RemoteResponse> checkBucket(String bucket) {
        return client.fetch("HEAD", bucket, null, Map.of(), Map.of(), "HEAD /" + bucket)
                .map(answer -> answer.status() == 200 ? made(204) : made(expected(answer.status())));
    }

    private Mono<RemoteResponse> headContainer(String bucket) {
        return client.fetch("HEAD", bucket, null, Map.of(), Map.of(), "HEAD /" + bucket)
                .flatMap(answer -> answer.status() != 200
                        ? Mono.just(made(expected(answer.status())))
                        : listings.stats(bucket).map(stats -> {
                            HttpHeaders headers = containerHeaders(stats, "text/plain; charset=utf-8");
                            return RemoteResponse.made(204, headers, new byte[0]);
                        }));
    }

    private Mono<RemoteResponse> list(String bucket, RemoteRequest request) {
        SwiftListingQuery query = SwiftListingQuery.parse(request.rawQuery());
        return listings.list(bucket, query).flatMap(walk -> {
            Mono<S3Listings.Stats> stats = walk.wholeBucket()
                    ? Mono.just(S3Listings.stats(walk))
                    : listings.stats(bucket);
            return stats.map(counted -> {
                HttpHeaders headers = containerHeaders(counted, "application/json; charset=utf-8");
                byte[] body = S3Listings.json(walk.entries());
                headers.setContentLength(body.length);
                return RemoteResponse.made(200, headers, body);
            });
        });
    }

    private static HttpHeaders containerHeaders(S3Listings.Stats stats, String contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Container-Object-Count", Long.toString(stats.objects()));
        headers.set("X-Container-Bytes-Used", Long.toString(stats.bytes()));
        // The forwarding names the local policy here.
        headers.set("X-Storage-Policy", "");
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        headers.setContentLength(0);
        return headers;
    }

    private Mono<RemoteResponse> deleteBucket(String bucket) {
        return client.fetch("DELETE", bucket, null, Map.of(), Map.of(), "DELETE /" + bucket)
                .map(answer -> answer.status() / 100 == 2 ? made(204) : answer(S3Error.of(answer)));
    }

    // Objects

    private Mono<RemoteResponse> putObject(String bucket, String key, RemoteRequest request) {
        if (request.body() == null || request.contentLength() < 0) {
            // S3 takes a body of a known length only.
            return Mono.just(made(411));
        }
        Map<String, String> headers = new LinkedHashMap<>(S3Headers.written(request.headers()));
        String etag = request.headers().getFirst(HttpHeaders.ETAG);
        if (etag != null) {
            String md5 = S3Headers.contentMd5(etag);
            if (md5 == null) {
                // Swift's object server compares the body's MD5 with it: never equal.
                return Mono.just(made(422));
            }
            headers.put("content-md5", md5);
        }
        String ifNoneMatch = request.headers().getFirst(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            headers.put("if-none-match", S3Headers.quoteEtags(ifNoneMatch));
        }
        Flux<ByteBuf> body = request.body()
                .map(NettyDataBufferFactory::toByteBuf)
                .doOnNext(buffer -> guard.sent(buffer.readableBytes()));
        return client.send("PUT", bucket, key, Map.of(), headers, body, request.contentLength(), request.describe())
                .flatMap(S3Client::read)
                .map(answer -> {
                    if (answer.status() != 200) {
                        return answer(S3Error.of(answer));
                    }
                    HttpHeaders created = new HttpHeaders();
                    String stored = answer.headers().getFirst(HttpHeaders.ETAG);
                    if (stored != null) {
                        created.set(HttpHeaders.ETAG, ListPage.unquote(stored));
                    }
                    created.set(HttpHeaders.CONTENT_TYPE, HTML);
                    created.setContentLength(0);
                    return RemoteResponse.made(201, created, new byte[0]);
                });
    }

    private Mono<RemoteResponse> getObject(String bucket, String key, RemoteRequest request) {
        String method = request.method().name();
        return client.send(method, bucket, key, Map.of(), S3Headers.conditions(request.headers()), null, 0,
                        request.describe())
                .flatMap(response -> {
                    int status = response.status();
                    if (status == 200 || status == 206 || status == 304) {
                        HttpHeaders headers = S3Headers.read(response.headers());
                        if (S3Headers.expired(headers, nowSeconds())) {
                            response.dispose();
                            return Mono.just(made(404));
                        }
                        // A 304's empty body is read like any other: its connection goes back to the pool.
                        return Mono.just(response.as(status, headers));
                    }
                    return S3Client.read(response).map(answer -> {
                        S3Error error = S3Error.of(answer);
                        if (status == 416) {
                            HttpHeaders headers = new HttpHeaders();
                            String range = answer.headers().getFirst(HttpHeaders.CONTENT_RANGE);
                            if (range != null) {
                                headers.set(HttpHeaders.CONTENT_RANGE, range);
                            }
                            return RemoteResponse.made(416, headers, new byte[0]);
                        }
                        return answer(error);
                    });
                });
    }

    /** Swift's POST replaces the metadata: S3 copies the object onto itself with the new metadata. */
    private Mono<RemoteResponse> postObject(String bucket, String key, RemoteRequest request) {
        return client.fetch("HEAD", bucket, key, Map.of(), Map.of(), request.describe())
                .flatMap(head -> {
                    if (head.status() != 200) {
                        return Mono.just(made(expected(head.status())));
                    }
                    HttpHeaders current = S3Headers.read(head.headers());
                    if (S3Headers.expired(current, nowSeconds())) {
                        return Mono.just(made(404));
                    }
                    Map<String, String> headers = new LinkedHashMap<>(S3Headers.written(request.headers()));
                    String type = current.getFirst(HttpHeaders.CONTENT_TYPE);
                    if (!headers.containsKey("content-type") && type != null) {
                        headers.put("content-type", type);
                    }
                    headers.put("x-amz-copy-source", "/" + bucket + "/" + SigV4.encode(key, false));
                    headers.put("x-amz-metadata-directive", "REPLACE");
                    String etag = current.getFirst(HttpHeaders.ETAG);
                    if (etag != null) {
                        // Not over an object written since the HEAD.
                        headers.put("x-amz-copy-source-if-match", S3Headers.quoteEtags(etag));
                    }
                    return client.fetch("PUT", bucket, key, Map.of(), headers, request.describe() + " (copy)")
                            .map(answer -> {
                                if (answer.status() == 200) {
                                    HttpHeaders accepted = new HttpHeaders();
                                    accepted.set(HttpHeaders.CONTENT_TYPE, HTML);
                                    accepted.setContentLength(ACCEPTED.length);
                                    return RemoteResponse.made(202, accepted, ACCEPTED);
                                }
                                S3Error error = S3Error.of(answer);
                                // Changed under us: the client may try again.
                                return error.status() == 412 ? made(503) : answer(error);
                            });
                });
    }

    /** S3 deletes what is not there with 204; Swift answers 404. */
    private Mono<RemoteResponse> deleteObject(String bucket, String key) {
        String what = "DELETE /" + bucket + "/" + key;
        return client.fetch("HEAD", bucket, key, Map.of(), Map.of(), what)
                .flatMap(head -> {
                    if (head.status() != 200) {
                        return Mono.just(made(expected(head.status())));
                    }
                    boolean expired = S3Headers.expired(S3Headers.read(head.headers()), nowSeconds());
                    return client.fetch("DELETE", bucket, key, Map.of(), Map.of(), what)
                            .map(answer -> answer.status() / 100 != 2 ? answer(S3Error.of(answer))
                                    // An expired object is gone for Swift already: removed now, still 404.
                                    : made(expired ? 404 : 204));
                });
    }

    @Override
    public Mono<TargetProbe> probe() {
        long start = System.nanoTime();
        return client.fetch("GET", null, null, Map.of(), Map.of(), "GET / (probe)")
                .map(answer -> new TargetProbe(answer.status() / 100 == 2, millisSince(start),
                        "GET service: " + answer.status()))
                .onErrorResume(e -> Mono.just(new TargetProbe(false, millisSince(start), e.toString())));
    }

    @Override
    public TargetHealth health() {
        return guard.health(TargetType.S3);
    }

    @Override
    public void close() {
        http.close();
    }

    private long nowSeconds() {
        return TimeUnit.MILLISECONDS.toSeconds(clock.millis());
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** A status S3 gives without a body (HEAD): kept when Swift has it too, else 503. */
    private int expected(int status) {
        return switch (status) {
            case 304, 400, 403, 404, 409, 412, 416 -> status;
            default -> {
                if (status < 500) {
                    LOG.error("ERROR target {}: unexpected answer {}", name, status);
                }
                yield 503;
            }
        };
    }

    private RemoteResponse answer(S3Error error) {
        int status = error.swiftStatus();
        if (status / 100 == 3 || status == 400 && !error.code().equals("MetadataTooLarge")) {
            LOG.error("ERROR target {}: answered {}", name, error.getMessage());
            status = status / 100 == 3 ? 503 : status;
        }
        return made(status);
    }

    private static RemoteResponse made(int status) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentLength(0);
        return RemoteResponse.made(status, headers, new byte[0]);
    }
}
