package io.ringway.storage.audit.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The child's side of the protocol, in this JVM: each message gets its one answer, whatever the watchers do. */
class WatcherHostTests {

    private static final AuditTarget OBJECT = new AuditTarget(AuditTarget.Kind.OBJECT, "/a/c/o", "d1", "7", 0,
            "/srv/node/d1/objects/7/abc/hash/1.data", Map.of("ETag", "x"));
    private static final AuditTarget DARK = new AuditTarget(AuditTarget.Kind.OBJECT, "/a/c/dark", "d1", "7", 0,
            "/srv/node/d1/objects/7/abc/hash2/1.data", Map.of());

    private final WatcherHost host = new WatcherHost(Map.of(
            "test_counting", new TestWatchers.Counting(),
            "test_throwing", new TestWatchers.Throwing()));

    @Test
    void startLoadsTheNamedWatchersAndSaysWhichWereFound() {
        Map<String, Object> answer = answer(WatcherProtocol.start(1, AuditType.ALL, List.of(
                new WatcherProtocol.WatcherSpec("test_counting", Map.of("k", "v")),
                new WatcherProtocol.WatcherSpec("no_such_watcher", Map.of()))));

        assertThat(answer).containsEntry("id", 1).containsEntry("loaded", List.of("test_counting"));
    }

    @Test
    void aTargetIsAnsweredWithTheQuarantineRequestsOfItsWatchers() {
        answer(WatcherProtocol.start(1, AuditType.ALL, List.of(new WatcherProtocol.WatcherSpec("test_counting", Map.of()))));

        assertThat(answer(WatcherProtocol.target(2, OBJECT))).isEqualTo(Map.of("id", 2));
        assertThat(answer(WatcherProtocol.target(3, DARK))).isEqualTo(Map.of("id", 3, "quarantine", List.of("test_counting")));
    }

    @Test
    void aWatcherThatThrowsDoesNotKeepTheOthersFromSeeingEveryTarget() {
        answer(WatcherProtocol.start(1, AuditType.CONTAINER, List.of(
                new WatcherProtocol.WatcherSpec("test_throwing", Map.of()),
                new WatcherProtocol.WatcherSpec("test_counting", Map.of("k", "v")))));
        answer(WatcherProtocol.target(2, OBJECT));
        answer(WatcherProtocol.target(3, OBJECT));

        Map<String, Object> end = answer(WatcherProtocol.end(4));

        assertThat(end).containsEntry("id", 4);
        assertThat(end.get("reports")).isEqualTo(Map.of("test_counting",
                Map.of("type", "CONTAINER", "seen", List.of("/a/c/o", "/a/c/o"), "config", Map.of("k", "v"))));
    }

    @Test
    void targetsTravelWithEveryField() {
        Map<String, Object> message = WatcherProtocol.parse(WatcherProtocol.target(9, OBJECT));
        @SuppressWarnings("unchecked")
        AuditTarget back = WatcherProtocol.parseTarget((Map<String, Object>) message.get("target"));
        assertThat(back).isEqualTo(OBJECT);
    }

    private Map<String, Object> answer(String message) {
        return WatcherProtocol.parse(host.answer(message));
    }
}
