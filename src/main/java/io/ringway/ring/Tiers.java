package io.ringway.ring;

/** Swift's failure domain tiers of a device, as keys for the sets of used tiers. */
final class Tiers {

    static Zone zone(Device device) {
        return new Zone(device.region(), device.zone());
    }

    static Ip ip(Device device) {
        return new Ip(device.region(), device.zone(), device.ip());
    }

    private Tiers() {
    }

    record Zone(int region, int zone) {
    }

    record Ip(int region, int zone, String ip) {
    }
}
