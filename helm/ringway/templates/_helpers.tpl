{{/* Names, labels and the decisions several templates share. */}}

{{- define "ringway.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "ringway.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* The storage StatefulSet and its headless Service: pods are <this>-<i>.<this>. */}}
{{- define "ringway.storageName" -}}
{{- printf "%s-storage" (include "ringway.fullname" .) | trunc 52 | trimSuffix "-" }}
{{- end }}

{{- define "ringway.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "ringway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ringway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "ringway.labels" -}}
helm.sh/chart: {{ include "ringway.chart" . }}
{{ include "ringway.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "ringway.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{- define "ringway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "ringway.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "ringway.secretName" -}}
{{- default (include "ringway.fullname" .) .Values.existingSecret }}
{{- end }}

{{/* Where the Secret's secrets.yml is mounted; the ConfigMap's application.yml imports it. */}}
{{- define "ringway.secretsDir" -}}/etc/ringway-secrets{{- end }}

{{/* "true" when the chart renders the swift dir's ConfigMap from swift.* values. */}}
{{- define "ringway.swiftConfigMapRendered" -}}
{{- $s := .Values.swift }}
{{- if and (not $s.existingConfigMap) (not $s.volume) (or $s.hashPathPrefix $s.hashPathSuffix $s.rings) }}true{{ end }}
{{- end }}

{{/* "true" when a swift dir (swift.conf and rings) is mounted and read as ringway.swift-dir. */}}
{{- define "ringway.hasSwiftDir" -}}
{{- $s := .Values.swift }}
{{- if or $s.existingConfigMap $s.volume (include "ringway.swiftConfigMapRendered" .) }}true{{ end }}
{{- end }}

{{/* "true" when the gateway pods run the embedded storage node: role all, no swift dir. */}}
{{- define "ringway.embedded" -}}
{{- if and (eq .Values.role "all") (not (include "ringway.hasSwiftDir" .)) }}true{{ end }}
{{- end }}

{{/* The most gateway replicas that may run at once. */}}
{{- define "ringway.maxReplicas" -}}
{{- if .Values.autoscaling.enabled }}{{ .Values.autoscaling.maxReplicas }}{{ else }}{{ .Values.replicaCount }}{{ end }}
{{- end }}

{{/* The fewest gateway replicas meant to run. */}}
{{- define "ringway.minReplicas" -}}
{{- if .Values.autoscaling.enabled }}{{ .Values.autoscaling.minReplicas }}{{ else }}{{ .Values.replicaCount }}{{ end }}
{{- end }}

{{/* The settings the schema cannot check, because they span several values. */}}
{{- define "ringway.validate" -}}
{{- $s := .Values.swift }}
{{- $sources := 0 }}
{{- if $s.existingConfigMap }}{{ $sources = add1 $sources }}{{ end }}
{{- if $s.volume }}{{ $sources = add1 $sources }}{{ end }}
{{- if or $s.hashPathPrefix $s.hashPathSuffix $s.rings }}{{ $sources = add1 $sources }}{{ end }}
{{- if gt $sources 1 }}
{{- fail "swift: set one of existingConfigMap, volume, or hashPathPrefix/hashPathSuffix/rings (a ConfigMap rendered by the chart), not several" }}
{{- end }}
{{- if and $s.rings (not (or $s.hashPathPrefix $s.hashPathSuffix)) }}
{{- fail "swift.rings: the rendered swift.conf needs swift.hashPathSuffix (or hashPathPrefix), the one the rings were built for" }}
{{- end }}
{{- if and (eq .Values.role "gateway") (not (include "ringway.hasSwiftDir" .)) }}
{{- fail "role: gateway needs the cluster's swift.conf and rings: set swift.existingConfigMap, swift.volume, or swift.hashPathSuffix and swift.rings" }}
{{- end }}
{{- if and (include "ringway.embedded" .) (gt (int (include "ringway.maxReplicas" .)) 1) }}
{{- fail "role: all keeps the embedded node's data in its pod, so it runs one replica only (replicaCount: 1, autoscaling off); for more, use role: gateway with swift.* (storage.enabled for a demo cluster)" }}
{{- end }}
{{- if and .Values.storage.enabled (ne .Values.role "gateway") }}
{{- fail "storage.enabled runs the storage nodes in their own StatefulSet: set role: gateway" }}
{{- end }}
{{- if and .Values.existingSecret (or .Values.auth.tempauth.tokenSecret .Values.auth.tempauth.users (include "ringway.targetSecrets" . | fromYaml)) }}
{{- fail "existingSecret: put tempauth's users and token secret and the targets' credentials in that Secret, not in auth.* or federation.targets.*" }}
{{- end }}
{{- if and (not .Values.existingSecret) (not .Values.auth.tempauth.tokenSecret) (gt (int (include "ringway.maxReplicas" .)) 1) }}
{{- fail "auth.tempauth.tokenSecret: replicas must share it to accept each other's tokens (e.g. --set auth.tempauth.tokenSecret=$(openssl rand -hex 32)), or give existingSecret with a token-secret key" }}
{{- end }}
{{- end }}

{{/* Settings of the federation targets that are credentials: they go into the Secret. */}}
{{- define "ringway.targetSecretKeys" -}}key token accessKey secretKey{{- end }}

{{/* The targets' credentials, as YAML by target name (empty when none). */}}
{{- define "ringway.targetSecrets" -}}
{{- $out := dict }}
{{- range $name, $target := .Values.federation.targets }}
{{- $secret := dict }}
{{- range $key := splitList " " (include "ringway.targetSecretKeys" $) }}
{{- with get $target $key }}{{ $_ := set $secret $key . }}{{ end }}
{{- end }}
{{- if and $target.tls $target.tls.trustStorePassword }}
{{- $_ := set $secret "tls" (dict "trustStorePassword" $target.tls.trustStorePassword) }}
{{- end }}
{{- if $secret }}{{ $_ := set $out $name $secret }}{{ end }}
{{- end }}
{{- if $out }}{{ toYaml $out }}{{ end }}
{{- end }}

{{/* The targets without their credentials, for the ConfigMap. */}}
{{- define "ringway.targetSettings" -}}
{{- $out := dict }}
{{- range $name, $target := .Values.federation.targets }}
{{- $settings := omit $target "key" "token" "accessKey" "secretKey" "tls" }}
{{- if $target.tls }}
{{- $tls := omit $target.tls "trustStorePassword" }}
{{- if $tls }}{{ $_ := set $settings "tls" $tls }}{{ end }}
{{- end }}
{{- $_ := set $out $name $settings }}
{{- end }}
{{- toYaml $out }}
{{- end }}

{{/* Pod-level scheduling and security, shared by the Deployment and the StatefulSet. */}}
{{- define "ringway.podSecurity" -}}
{{- with .Values.podSecurityContext }}
securityContext:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
serviceAccountName: {{ include "ringway.serviceAccountName" . }}
automountServiceAccountToken: {{ .Values.serviceAccount.automountToken }}
{{- end }}

{{/* The three probes on the management port. */}}
{{- define "ringway.probes" -}}
{{- $p := .Values.probes }}
{{- if $p.startup.enabled }}
startupProbe:
  httpGet:
    path: /actuator/health/liveness
    port: management
  {{- toYaml (omit $p.startup "enabled") | nindent 2 }}
{{- end }}
{{- if $p.liveness.enabled }}
livenessProbe:
  httpGet:
    path: /actuator/health/liveness
    port: management
  {{- toYaml (omit $p.liveness "enabled") | nindent 2 }}
{{- end }}
{{- if $p.readiness.enabled }}
readinessProbe:
  httpGet:
    path: /actuator/health/readiness
    port: management
  {{- toYaml (omit $p.readiness "enabled") | nindent 2 }}
{{- end }}
{{- end }}

{{/* The prometheus.io annotations of metrics.podAnnotations. */}}
{{- define "ringway.scrapeAnnotations" -}}
{{- if .Values.metrics.podAnnotations }}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .Values.ports.management | quote }}
prometheus.io/path: /actuator/prometheus
{{- end }}
{{- end }}

{{/* The swift dir's volume source. */}}
{{- define "ringway.swiftVolume" -}}
{{- $s := .Values.swift }}
{{- if $s.volume }}
{{- toYaml $s.volume }}
{{- else }}
configMap:
  name: {{ default (printf "%s-swift" (include "ringway.fullname" .)) $s.existingConfigMap }}
{{- end }}
{{- end }}
