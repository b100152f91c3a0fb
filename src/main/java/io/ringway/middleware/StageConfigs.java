package io.ringway.middleware;

import static java.util.Objects.requireNonNull;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Binds each stage's configuration record from {@code ringway.middleware.<name>}, as Swift reads
 * a {@code [filter:<name>]} section. An absent section gives the record's {@code @DefaultValue}s.
 * Swift's underscores are written as they are or as dashes ({@code catch_errors.trans_id_suffix}
 * or {@code catch-errors.trans-id-suffix}): Spring's relaxed binding takes both.
 */
public final class StageConfigs {

    /** The prefix of every stage's section. */
    public static final String PREFIX = "ringway.middleware.";

    private final Binder binder;

    public StageConfigs(Binder binder) {
        this.binder = requireNonNull(binder, "binder");
    }

    /** The property name of a stage's section: Spring's canonical form of Swift's name. */
    public static String section(String stageName) {
        return PREFIX + stageName.replace('_', '-');
    }

    /** The stage's configuration, or the record's defaults when it has no section. */
    public <C> C bind(String stageName, Class<C> type) {
        return binder.bindOrCreate(section(stageName), Bindable.of(type));
    }
}
