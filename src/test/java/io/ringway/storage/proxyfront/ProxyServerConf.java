package io.ringway.storage.proxyfront;

import java.nio.file.Path;

/**
 * The proxy-server.conf of the proxy-front cluster: Swift's usual pipeline with tempauth and
 * the large-object middlewares, accounts created on first write, a private memcached.
 */
final class ProxyServerConf {

    /** tempauth users: {@code test:tester} for the scenarios, {@code stats:tester} for exact account stats. */
    static final String USER = "test:tester";
    static final String STATS_USER = "stats:tester";
    static final String KEY = "testing";

    private ProxyServerConf() {
    }

    static String text(Path swiftDir, int port, int memcachedPort) {
        return """
                # Written by SwiftProxyRealSwiftTests: Debian's Swift proxy over Ringway's storage node.
                [DEFAULT]
                bind_ip = 127.0.0.1
                bind_port = %d
                workers = 0
                user = %s
                swift_dir = %s
                log_name = ringway-front-proxy

                [pipeline:main]
                pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats tempauth copy dlo slo proxy-logging proxy-server

                [app:proxy-server]
                use = egg:swift#proxy
                allow_account_management = true
                account_autocreate = true
                # Reads go to zone 1 (device d1) first, so a test that removes d1 knows the proxy met the hole.
                sorting_method = affinity
                read_affinity = r1z1=100

                [filter:tempauth]
                use = egg:swift#tempauth
                user_test_tester = %s .admin
                user_stats_tester = %s .admin

                [filter:cache]
                use = egg:swift#memcache
                memcache_servers = 127.0.0.1:%d

                [filter:catch_errors]
                use = egg:swift#catch_errors

                [filter:gatekeeper]
                use = egg:swift#gatekeeper

                [filter:healthcheck]
                use = egg:swift#healthcheck

                [filter:proxy-logging]
                use = egg:swift#proxy_logging

                [filter:listing_formats]
                use = egg:swift#listing_formats

                [filter:copy]
                use = egg:swift#copy

                [filter:dlo]
                use = egg:swift#dlo

                [filter:slo]
                use = egg:swift#slo
                """.formatted(port, System.getProperty("user.name"), swiftDir.toAbsolutePath(), KEY, KEY,
                memcachedPort);
    }
}
