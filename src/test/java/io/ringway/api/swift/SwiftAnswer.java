package io.ringway.api.swift;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.api.error.GatewayException;
import io.ringway.swift.SwiftStatus;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts the status and body of the Swift answer a check throws. */
final class SwiftAnswer {

    private SwiftAnswer() {
    }

    static void expect(ThrowingCallable check, int status, String body) {
        assertThatThrownBy(check)
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(status);
                    String shown = e.body() == null ? SwiftStatus.defaultBody(status) : e.body();
                    org.assertj.core.api.Assertions.assertThat(shown).isEqualTo(body);
                });
    }
}
