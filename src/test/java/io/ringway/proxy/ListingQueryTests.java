package io.ringway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.api.error.GatewayException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingQueryTests {

    @Test
    void asksTheNodesForJsonWhateverTheClientsFormat() {
        assertThat(ListingQuery.parse(null).asJson()).isEqualTo("format=json");
        assertThat(ListingQuery.parse("format=xml&limit=2&prefix=a%2Fb").asJson())
                .isEqualTo("limit=2&prefix=a%2Fb&format=json");
        assertThat(ListingQuery.parse("for%6Dat=xml&&marker=").asJson()).isEqualTo("marker=&format=json");
    }

    @Test
    void readsTheLastValueOfAParameterDecoded() {
        ListingQuery query = ListingQuery.parse("limit=1&limit=2&prefix=a+b%2F&path");

        assertThat(query.get("limit")).isEqualTo("2");
        assertThat(query.get("prefix")).isEqualTo("a b/");
        assertThat(query.get("path")).isEmpty();
        assertThat(query.get("marker")).isNull();
    }

    @Test
    void refusesParametersThatAreNotUtf8AsSwift() {
        ListingQuery query = ListingQuery.parse("marker=%C3%A9&prefix=%FF");

        query.requireUtf8(List.of("marker"));
        assertThatThrownBy(() -> query.requireUtf8(List.of("marker", "prefix")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body()).isEqualTo("\"prefix\" parameter not valid UTF-8");
                    assertThat(e.contentType()).isEqualTo("text/plain");
                });
    }

    @Test
    void acceptsANulInAListingParameterAsSwiftsGetParam() {
        ListingQuery query = ListingQuery.parse("marker=b1%00&end_marker=B1&reverse=on");

        query.requireUtf8(List.of("marker", "end_marker", "reverse"));

        assertThat(query.get("marker")).isEqualTo("b1\0");
        assertThat(query.asJson()).isEqualTo("marker=b1%00&end_marker=B1&reverse=on&format=json");
    }
}
