package io.ringway.middleware;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;

/** Builds stages in tests as the gateway does: through their factory, with bound configuration. */
public final class StageTesting {

    /** A context without services: the stages of this issue need none. */
    public static final MiddlewareContext NO_SERVICES = new MiddlewareContext() {
        @Override
        public <T> T service(Class<T> type) {
            throw new IllegalStateException("No gateway service of type " + type.getName());
        }
    };

    private StageTesting() {
    }

    /** Configuration from these properties, as the environment would give them. */
    public static StageConfigs configs(Map<String, Object> properties) {
        return new StageConfigs(new Binder(ConfigurationPropertySources.from(new MapPropertySource("test", properties))));
    }

    /** The stage {@code factory} builds with its configuration bound from {@code properties}. */
    public static <C> Middleware create(MiddlewareFactory<C> factory, Map<String, Object> properties) {
        C config = configs(properties).bind(factory.name(), factory.configType());
        return factory.create(config, NO_SERVICES);
    }
}
