package io.ringway.middleware;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The stage factories by Swift name, as Swift's {@code setup.cfg} entry points: the built-in
 * ones (Spring beans) and third-party ones listed in
 * {@code META-INF/services/io.ringway.middleware.MiddlewareFactory} on the class path. Two
 * factories under one name fail the start: which one ran would depend on the class path order.
 */
public final class MiddlewareRegistry {

    private final Map<String, MiddlewareFactory<?>> factories;

    /** The given factories and those {@link ServiceLoader} finds through {@code classLoader}. */
    public static MiddlewareRegistry discover(Collection<? extends MiddlewareFactory<?>> builtIn,
            ClassLoader classLoader) {
        List<MiddlewareFactory<?>> all = new ArrayList<>(builtIn);
        for (MiddlewareFactory<?> factory : ServiceLoader.load(MiddlewareFactory.class, classLoader)) {
            all.add(factory);
        }
        return new MiddlewareRegistry(all);
    }

    /**
     * Exactly the given factories.
     *
     * @throws IllegalStateException when two share a name
     */
    public MiddlewareRegistry(Collection<? extends MiddlewareFactory<?>> factories) {
        Map<String, MiddlewareFactory<?>> byName = new TreeMap<>();
        for (MiddlewareFactory<?> factory : factories) {
            MiddlewareFactory<?> previous = byName.putIfAbsent(factory.name(), factory);
            if (previous != null) {
                throw new IllegalStateException("Middleware name '" + factory.name() + "' is registered twice: by "
                        + previous.getClass().getName() + " and " + factory.getClass().getName()
                        + " (expected: one factory per name)");
            }
        }
        this.factories = Map.copyOf(byName);
    }

    /** The factory of this name. */
    public Optional<MiddlewareFactory<?>> factory(String name) {
        return Optional.ofNullable(factories.get(name));
    }

    /** The names that can appear in {@code ringway.pipeline}, sorted. */
    public List<String> names() {
        return factories.keySet().stream().sorted().toList();
    }

    @Override
    public String toString() {
        return "MiddlewareRegistry" + names();
    }
}
