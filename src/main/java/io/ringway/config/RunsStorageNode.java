package io.ringway.config;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@link RingwayProperties#runsStorageNode()}: binds the properties the same way. */
final class RunsStorageNode implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment())
                .bindOrCreate("ringway", Bindable.of(RingwayProperties.class))
                .runsStorageNode();
    }
}
