package io.ringway.storage.audit.watcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The messages between an auditor and its watcher child, one JSON object a line. The auditor
 * sends {@code {"id":1,"op":"start","type":"ALL","watchers":[{"name":..,"config":{..}}]}}, then
 * {@code {"id":n,"op":"target","target":{..}}} for each target, then {@code {"id":n,"op":"end"}};
 * the child answers each with one line {@code {"id":n}}, adding {@code "loaded":[names]} to the
 * start's answer, {@code "quarantine":[watcher names]} to a target's when watchers ask for it, and
 * {@code "reports":{name:{..}}} to the end's. The auditor waits for each answer before it sends
 * the next message.
 */
final class WatcherProtocol {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private WatcherProtocol() {
    }

    static String start(long id, AuditType type, List<WatcherSpec> watchers) {
        Map<String, Object> message = message(id, "start");
        message.put("type", type.name());
        message.put("watchers", watchers.stream()
                .map(watcher -> Map.of("name", watcher.name(), "config", watcher.config()))
                .toList());
        return JSON.writeValueAsString(message);
    }

    static String target(long id, AuditTarget target) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", target.kind().name());
        fields.put("name", target.name());
        fields.put("device", target.device());
        fields.put("partition", target.partition());
        fields.put("policy_index", target.policyIndex());
        fields.put("path", target.path());
        fields.put("metadata", target.metadata());
        Map<String, Object> message = message(id, "target");
        message.put("target", fields);
        return JSON.writeValueAsString(message);
    }

    static String end(long id) {
        return JSON.writeValueAsString(message(id, "end"));
    }

    static Map<String, Object> parse(String line) {
        return JSON.readValue(line, OBJECT);
    }

    @SuppressWarnings("unchecked")
    static AuditTarget parseTarget(Map<String, Object> fields) {
        return new AuditTarget(AuditTarget.Kind.valueOf((String) fields.get("kind")), (String) fields.get("name"),
                (String) fields.get("device"), (String) fields.get("partition"),
                ((Number) fields.get("policy_index")).intValue(), (String) fields.get("path"),
                (Map<String, String>) fields.get("metadata"));
    }

    private static Map<String, Object> message(long id, String op) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("op", op);
        return message;
    }

    /**
     * A watcher to run: its name and its configuration.
     *
     * @param name the name its factory gives
     * @param config its section, plus the node's {@code swift_dir} and {@code devices}
     */
    record WatcherSpec(String name, Map<String, String> config) {

        WatcherSpec {
            config = Map.copyOf(config);
        }
    }
}
