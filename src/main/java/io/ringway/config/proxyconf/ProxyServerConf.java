package io.ringway.config.proxyconf;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a {@code proxy-server.conf} Ringway reads: the main pipeline (each filter named by
 * the middleware its {@code use = egg:swift#name} loads, as Ringway's stages are), the proxy
 * app's options, each stage's options and the per-policy sections.
 *
 * @param pipeline the stage names in order, without the app
 * @param appOptions the app's options, {@code [DEFAULT]} included
 * @param stageOptions per stage name, the options of its first filter section, {@code [DEFAULT]}
 *     excluded (a filter listed twice, as {@code proxy-logging}, is configured once in Ringway)
 * @param policyOptions per policy index, the own options of {@code [proxy-server:policy:N]}
 */
record ProxyServerConf(
        List<String> pipeline,
        Map<String, String> appOptions,
        Map<String, Map<String, String>> stageOptions,
        Map<Integer, Map<String, String>> policyOptions) {

    private static final String EGG_PREFIX = "egg:swift#";

    ProxyServerConf {
        pipeline = List.copyOf(pipeline);
        appOptions = Map.copyOf(appOptions);
        stageOptions = Map.copyOf(stageOptions);
        policyOptions = Map.copyOf(policyOptions);
    }

    /** Reads the {@code main} pipeline and what it names; fails as Swift would on a broken one. */
    static ProxyServerConf from(PasteIni ini) {
        requireNonNull(ini, "ini");
        if (!ini.has("pipeline:main")) {
            throw new IllegalArgumentException("no [pipeline:main] section");
        }
        List<String> names = Arrays.stream(ini.ownOptions("pipeline:main").getOrDefault("pipeline", "")
                .split("\\s+"))
                .filter(name -> !name.isEmpty())
                .toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("[pipeline:main] has no pipeline");
        }
        String app = "app:" + names.get(names.size() - 1);
        if (!ini.has(app)) {
            throw new IllegalArgumentException("the pipeline ends in " + names.get(names.size() - 1)
                    + " but there is no [" + app + "] section");
        }
        List<String> stages = new ArrayList<>();
        Map<String, Map<String, String>> stageOptions = new LinkedHashMap<>();
        for (String filter : names.subList(0, names.size() - 1)) {
            String section = "filter:" + filter;
            if (!ini.has(section)) {
                throw new IllegalArgumentException("the pipeline names " + filter + " but there is no [" + section
                        + "] section");
            }
            String stage = stageName(filter, ini.ownOptions(section).getOrDefault("use", ""));
            stages.add(stage);
            stageOptions.putIfAbsent(stage, ini.ownOptions(section));
        }
        return new ProxyServerConf(stages, ini.options(app), stageOptions, policyOptions(ini, app));
    }

    /**
     * Ringway's stage for a filter: the middleware its {@code use} loads ({@code egg:swift#name} or
     * a third party's {@code egg:package#name}), Swift's {@code memcache} being Ringway's
     * {@code cache}; the section name when {@code use} names no entry point.
     */
    static String stageName(String section, String use) {
        int hash = use.indexOf('#');
        String name = hash >= 0 ? use.substring(hash + 1).strip() : section;
        if (use.startsWith(EGG_PREFIX) && name.equals("memcache")) {
            return "cache";
        }
        return name;
    }

    private static Map<Integer, Map<String, String>> policyOptions(PasteIni ini, String app) {
        String prefix = app.replaceFirst("^app:", "") + ":policy:";
        Map<Integer, Map<String, String>> policies = new LinkedHashMap<>();
        for (String section : ini.sections()) {
            if (section.startsWith(prefix)) {
                String index = section.substring(prefix.length()).strip();
                try {
                    policies.put(Integer.parseInt(index), ini.ownOptions(section));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("[" + section + "]: " + index + " is not a policy index", e);
                }
            }
        }
        return policies;
    }
}
