/**
 * Tests of the Helm chart in {@code helm/ringway}: Helm itself (helm-java's native library) lints
 * and renders it, and the manifests are read with fabric8's Kubernetes model.
 */
@NullMarked
package io.ringway.helm;

import org.jspecify.annotations.NullMarked;
