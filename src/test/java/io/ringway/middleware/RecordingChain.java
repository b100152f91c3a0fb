package io.ringway.middleware;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The rest of the pipeline in a stage's test: records the exchanges it was given and answers
 * as told (by default an empty 200), like Swift's {@code FakeSwift} behind a middleware.
 */
public final class RecordingChain implements MiddlewareChain {

    private final List<ServerWebExchange> calls = new ArrayList<>();
    private final Function<ServerWebExchange, Mono<Void>> answer;

    private RecordingChain(Function<ServerWebExchange, Mono<Void>> answer) {
        this.answer = answer;
    }

    /** Completes the response without a body. */
    public static RecordingChain completing() {
        return new RecordingChain(exchange -> exchange.getResponse().setComplete());
    }

    /** Answers as {@code answer} says (it may throw, or return an error). */
    public static RecordingChain answering(Function<ServerWebExchange, Mono<Void>> answer) {
        return new RecordingChain(answer);
    }

    @Override
    public Mono<Void> next(ServerWebExchange exchange) {
        calls.add(exchange);
        return answer.apply(exchange);
    }

    /** The exchanges passed on, in order. */
    public List<ServerWebExchange> calls() {
        return calls;
    }

    /** The one exchange passed on, or {@code null} when the stage answered itself. */
    public @Nullable ServerWebExchange last() {
        return calls.isEmpty() ? null : calls.get(calls.size() - 1);
    }
}
