package io.ringway.storage.object;

import io.ringway.storage.node.DeviceRoot;
import io.ringway.swift.HashPath;
import io.ringway.swift.Timestamp;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the object server's handlers share.
 *
 * @param allowedHeaders {@code allowed_headers} in lower case, without Swift's reserved data file keys
 */
record ObjectServices(DeviceRoot devices, HashPath hashPath, ObjectServerSettings settings, Clock clock,
        ObjectDiskFiles disk, ContainerUpdates updates, Set<String> allowedHeaders) {

    /** Swift drops these from {@code allowed_headers}: they belong to the data file alone. */
    private static final Set<String> RESERVED = Set.of("content-length", "deleted", "etag");

    ObjectServices(DeviceRoot devices, HashPath hashPath, ObjectServerSettings settings, Clock clock,
            ObjectDiskFiles disk, ContainerUpdates updates) {
        this(devices, hashPath, settings, clock, disk, updates, allowed(settings));
    }

    Timestamp now() {
        return Timestamp.ofMillis(clock.millis());
    }

    private static Set<String> allowed(ObjectServerSettings settings) {
        return settings.allowedHeaders().stream()
                .map(ObjectHeaders::lower)
                .map(String::strip)
                .filter(name -> !name.isEmpty() && !RESERVED.contains(name))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The object's location; blocking (checks the device). */
    ObjectLocation locate(ObjectContext context) {
        return context.locate(devices, hashPath);
    }
}
