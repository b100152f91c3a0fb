package io.ringway.proxy.container;

import io.ringway.ring.Node;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;

/**
 * The account updates of a container PUT or DELETE, as Swift's {@code _backend_requests}: the
 * account's replicas dealt round-robin over the container requests, so that each container
 * replica tells {@code X-Account-Host}/{@code -Device} (comma-separated when it gets more than
 * one) at {@code X-Account-Partition} about the change.
 */
final class AccountUpdateHeaders {

    private AccountUpdateHeaders() {
    }

    /**
     * One header set per container request: {@code common} plus its account update headers.
     *
     * @param outgoing how many container requests are sent (the container's replicas)
     * @param common the headers every request carries (copied)
     * @param accountPartition the account's partition
     * @param accounts the account's primary nodes
     */
    static List<HttpHeaders> assign(int outgoing, HttpHeaders common, int accountPartition, List<Node> accounts) {
        List<HttpHeaders> headers = new ArrayList<>();
        for (int i = 0; i < outgoing; i++) {
            HttpHeaders h = new HttpHeaders();
            h.addAll(common);
            headers.add(h);
        }
        for (int i = 0; i < accounts.size(); i++) {
            HttpHeaders h = headers.get(i % outgoing);
            Node account = accounts.get(i);
            h.set("X-Account-Partition", Integer.toString(accountPartition));
            h.set("X-Account-Host", append(h.getFirst("X-Account-Host"),
                    account.device().ip() + ":" + account.device().port()));
            h.set("X-Account-Device", append(h.getFirst("X-Account-Device"), account.device().device()));
        }
        return headers;
    }

    /** Swift's {@code csv_append}. */
    private static String append(String csv, String value) {
        return csv == null || csv.isEmpty() ? value : csv + "," + value;
    }
}
