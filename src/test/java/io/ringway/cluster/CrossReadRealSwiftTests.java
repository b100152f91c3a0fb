package io.ringway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.policy.StoragePolicy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The drop-in proof: what one proxy writes, the other reads the same, both ways. Objects of
 * several sizes with metadata and content types in both policies come back byte for byte with
 * the same object headers; containers keep the policy they were created with; container and
 * account listings are the same text through either proxy.
 */
@ExtendWith(RealCluster.class)
class CrossReadRealSwiftTests {

    /** The object headers a client relies on; the rest (X-Trans-Id, Date) differ by nature. */
    private static final List<String> OBJECT_HEADERS = List.of("Content-Length", "Content-Type", "ETag",
            "Last-Modified", "X-Timestamp", "X-Object-Meta-Color", "X-Object-Meta-Unicode", "Content-Disposition");
    private static final int[] SIZES = {0, 1, 65_537, 3 << 20};

    @ParameterizedTest
    @EnumSource(Side.class)
    void objectsWrittenThroughOneProxyReadTheSameThroughTheOther(Side writer, Cluster cluster) {
        Front write = cluster.front(writer);
        Front read = cluster.front(writer.other());
        for (StoragePolicy policy : cluster.conf().policies().all()) {
            String c = Names.unique("cross");
            assertThat(write.send("PUT", c, "X-Storage-Policy", policy.name()).status()).isEqualTo(201);
            assertThat(read.head(c).header("X-Storage-Policy")).isEqualTo(policy.name());
            for (int size : SIZES) {
                byte[] body = Names.bytes(size, size);
                String o = "dir/obj-" + size;
                assertThat(write.put(c + "/" + o, body, "Content-Type", "application/x-size-" + size,
                        "X-Object-Meta-Color", "teal " + size, "X-Object-Meta-Unicode", "caf%C3%A9",
                        "Content-Disposition", "attachment; filename=\"" + size + ".bin\"").status()).isEqualTo(201);
                Reply written = write.get(c + "/" + o);
                Reply seen = read.get(c + "/" + o);
                assertThat(seen.status()).isEqualTo(200);
                assertThat(seen.body()).as("%s in %s", o, policy.name()).isEqualTo(body);
                assertThat(objectHeaders(seen)).as("%s in %s", o, policy.name()).isEqualTo(objectHeaders(written))
                        .containsEntry("ETag", Names.md5(body))
                        .containsEntry("Content-Type", "application/x-size-" + size);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void containerAndAccountListingsAreTheSameThroughBothProxies(Side writer, Cluster cluster) {
        Front write = cluster.front(writer);
        Front read = cluster.front(writer.other());
        String prefix = Names.unique("lists");
        for (StoragePolicy policy : cluster.conf().policies().all()) {
            String c = prefix + "-" + policy.index();
            write.send("PUT", c, "X-Storage-Policy", policy.name(), "X-Container-Meta-Owner", writer.name());
            for (int size : SIZES) {
                write.put(c + "/o" + size, Names.bytes(size, size), "Content-Type", "text/x-" + size);
            }
            for (String query : List.of("?format=json", "?format=xml", "", "?format=json&delimiter=/&prefix=o1")) {
                assertThat(read.get(c + query).text()).as("listing %s%s", c, query)
                        .isEqualTo(write.get(c + query).text());
            }
            // Not X-Timestamp: each replica's database has its own created_at, whichever proxy asks.
            assertThat(read.head(c).headers().map()).as("container HEAD of %s", c)
                    .containsAllEntriesOf(subset(write.head(c), "X-Container-Object-Count", "X-Container-Bytes-Used",
                            "X-Storage-Policy", "X-Container-Meta-Owner", "Last-Modified"));
        }
        for (String query : List.of("?format=json&prefix=", "?format=xml&prefix=", "?prefix=")) {
            Reply seen = read.get(query + prefix);
            assertThat(seen.text()).as("account listing %s", query).isEqualTo(write.get(query + prefix).text())
                    .contains(prefix + "-0").contains(prefix + "-1");
        }
    }

    private static Map<String, String> objectHeaders(Reply reply) {
        Map<String, String> headers = new TreeMap<>();
        for (String name : OBJECT_HEADERS) {
            String value = reply.header(name);
            headers.put(name, value == null ? "(none)" : value);
        }
        return headers;
    }

    private static Map<String, List<String>> subset(Reply reply, String... names) {
        // HttpHeaders.map() has lower-case names.
        Map<String, List<String>> headers = new TreeMap<>();
        for (String name : names) {
            headers.put(name.toLowerCase(Locale.ROOT), reply.headers().allValues(name));
        }
        return headers;
    }
}
