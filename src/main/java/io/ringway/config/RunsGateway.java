package io.ringway.config;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches unless {@code ringway.role} is {@code storage}: the gateway's beans. */
final class RunsGateway implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return RunsStorageNode.bind(context).role() != RingwayProperties.Role.STORAGE;
    }
}
