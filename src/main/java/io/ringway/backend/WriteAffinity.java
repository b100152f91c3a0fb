package io.ringway.backend;

import io.ringway.ring.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code write_affinity} ({@code "r1, r2z2"}), as its {@code affinity_locality_predicate}:
 * which devices are local to this proxy, a region or a zone of a region each.
 */
final class WriteAffinity {

    private static final Pattern PLACE = Pattern.compile("r(\\d+)(?:z(\\d+))?");

    private final String value;
    private final List<Place> places;

    private WriteAffinity(String value, List<Place> places) {
        this.value = value;
        this.places = List.copyOf(places);
    }

    /** The predicate, or null for a blank value: Swift then has no write affinity at all. */
    static @Nullable WriteAffinity parse(String value) {
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        List<Place> places = new ArrayList<>();
        for (String piece : trimmed.split(",", -1)) {
            Matcher m = PLACE.matcher(piece.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "writeAffinity: " + value + " (expected: regions or zones like r1, r2z2)");
            }
            Integer zone = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            places.add(new Place(Integer.parseInt(m.group(1)), zone));
        }
        return new WriteAffinity(value, places);
    }

    /** Whether the device is in one of the local regions or zones. */
    boolean isLocal(Device device) {
        for (Place place : places) {
            if (place.region() == device.region() && (place.zone() == null || place.zone() == device.zone())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return value;
    }

    private record Place(int region, @Nullable Integer zone) {
    }
}
