package io.ringway.backend;

import io.ringway.ring.Device;
import io.ringway.swift.ObjectName;
import java.nio.charset.StandardCharsets;

/** Backend request paths and addresses, quoted as Swift's {@code http_connect} quotes them. */
final class BackendPaths {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private BackendPaths() {
    }

    /** {@code /device/partition/account/container/object}, percent-encoded except {@code /}. */
    static String objectPath(Device device, int partition, ObjectName name) {
        return quote("/" + device.device() + "/" + partition + "/" + name.account() + "/" + name.container() + "/"
                + name.object());
    }

    /** {@code ip:port}, with brackets for IPv6 literals. */
    static String hostPort(Device device) {
        String ip = device.ip().contains(":") ? "[" + device.ip() + "]" : device.ip();
        return ip + ":" + device.port();
    }

    /** Python's {@code urllib.parse.quote(value, safe='/')} of the UTF-8 bytes. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "_.-~/".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
