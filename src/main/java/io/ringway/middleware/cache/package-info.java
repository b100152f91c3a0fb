/**
 * The {@code cache} stage and its {@link io.ringway.middleware.cache.InfoCache}: account and
 * container info (Swift's {@code get_account_info} / {@code get_container_info}) cached for
 * {@code recheck_account_existence} / {@code recheck_container_existence}.
 */
@NullMarked
package io.ringway.middleware.cache;

import org.jspecify.annotations.NullMarked;
