package io.ringway.config;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@link RingwayProperties#runsStorageNode()}, binding the properties as Spring will. */
final class RunsStorageNode implements Condition {

    static RingwayProperties bind(ConditionContext context) {
        return Binder.get(context.getEnvironment()).bindOrCreate("ringway", Bindable.of(RingwayProperties.class));
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return bind(context).runsStorageNode();
    }
}
