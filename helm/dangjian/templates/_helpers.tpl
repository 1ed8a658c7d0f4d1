{{/* The chart's name, and the release-qualified name every resource is prefixed with. */}}
{{- define "dangjian.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "dangjian.fullname" -}}
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

{{- define "dangjian.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "dangjian.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: dangjian
{{- end }}

{{/* Selects the platform's pods (not the trial dependencies, which add their own component). */}}
{{- define "dangjian.selectorLabels" -}}
app.kubernetes.io/name: {{ include "dangjian.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: platform
{{- end }}

{{- define "dangjian.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "dangjian.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "dangjian.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* In-cluster dependency names (trial). */}}
{{- define "dangjian.trialName" -}}
{{- printf "%s-%s" (include "dangjian.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Where the platform finds its dependencies: the trial's services when trial.enabled, else the values. */}}
{{- define "dangjian.databaseUrl" -}}
{{- if .Values.trial.enabled }}
{{- printf "jdbc:postgresql://%s:5432/dangjian" (include "dangjian.trialName" (dict "root" . "component" "postgresql")) }}
{{- else }}
{{- required "database.url is required (or trial.enabled=true)" .Values.database.url }}
{{- end }}
{{- end }}

{{- define "dangjian.realmUrl" -}}
{{- if .Values.trial.enabled }}
{{- printf "%s/realms/dangjian" (trimSuffix "/" .Values.trial.keycloak.hostname) }}
{{- else }}
{{- required "keycloak.realmUrl is required (or trial.enabled=true)" .Values.keycloak.realmUrl }}
{{- end }}
{{- end }}

{{- define "dangjian.kafkaBootstrapServers" -}}
{{- if .Values.trial.enabled }}
{{- printf "%s:9092" (include "dangjian.trialName" (dict "root" . "component" "kafka")) }}
{{- else }}
{{- required "kafka.bootstrapServers is required (or trial.enabled=true)" .Values.kafka.bootstrapServers }}
{{- end }}
{{- end }}

{{- define "dangjian.minioEndpoint" -}}
{{- if .Values.trial.enabled }}
{{- printf "http://%s:9000" (include "dangjian.trialName" (dict "root" . "component" "minio")) }}
{{- else }}
{{- required "minio.endpoint is required (or trial.enabled=true)" .Values.minio.endpoint }}
{{- end }}
{{- end }}

{{/* A secretKeyRef env entry: name, secret, key. */}}
{{- define "dangjian.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "a Secret name is required for %s" .name) .secret }}
      key: {{ .key }}
{{- end }}

{{/* The database connection every platform container needs: URL from the ConfigMap, application role from the Secret. */}}
{{- define "dangjian.databaseEnv" -}}
{{ include "dangjian.secretEnv" (dict "name" "QUARKUS_DATASOURCE_USERNAME" "secret" .Values.database.existingSecret "key" .Values.database.secretKeys.appUsername) }}
{{ include "dangjian.secretEnv" (dict "name" "QUARKUS_DATASOURCE_PASSWORD" "secret" .Values.database.existingSecret "key" .Values.database.secretKeys.appPassword) }}
{{- end }}

{{/* The migration role: only the migration Job (or init container) gets it. */}}
{{- define "dangjian.migrationEnv" -}}
{{ include "dangjian.secretEnv" (dict "name" "QUARKUS_DATASOURCE_MIGRATION_USERNAME" "secret" .Values.database.existingSecret "key" .Values.database.secretKeys.migrationUsername) }}
{{ include "dangjian.secretEnv" (dict "name" "QUARKUS_DATASOURCE_MIGRATION_PASSWORD" "secret" .Values.database.existingSecret "key" .Values.database.secretKeys.migrationPassword) }}
{{- end }}

{{/* Container security: non-root, nothing writable but the mounted /tmp, no privileges. */}}
{{- define "dangjian.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 185
runAsGroup: 185
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "dangjian.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 185
runAsGroup: 185
fsGroup: 185
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/*
The platform's non-secret settings as a map of environment variables: the ConfigMap's data, and the migration
Job's env (a pre-install hook runs before the release's ConfigMap exists).
*/}}
{{- define "dangjian.config" -}}
QUARKUS_DATASOURCE_JDBC_URL: {{ include "dangjian.databaseUrl" . | quote }}
QUARKUS_DATASOURCE_JDBC_MAX_SIZE: {{ .Values.database.maxPoolSize | quote }}
DANGJIAN_DATABASE_APP_ROLE: {{ .Values.database.appRole | quote }}
QUARKUS_OIDC_AUTH_SERVER_URL: {{ include "dangjian.realmUrl" . | quote }}
QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL: {{ include "dangjian.realmUrl" . | trimSuffix "/realms/dangjian" | quote }}
KAFKA_BOOTSTRAP_SERVERS: {{ include "dangjian.kafkaBootstrapServers" . | quote }}
DANGJIAN_STORAGE_ENDPOINT: {{ include "dangjian.minioEndpoint" . | quote }}
DANGJIAN_STORAGE_BUCKET: {{ .Values.minio.bucket | quote }}
DANGJIAN_STORAGE_REGION: {{ .Values.minio.region | quote }}
{{- with .Values.minio.publicEndpoint }}
DANGJIAN_STORAGE_PUBLIC_ENDPOINT: {{ . | quote }}
{{- end }}
DANGJIAN_IDENTITY_PLATFORM_ADMINS: {{ .Values.platformAdmins | quote }}
DANGJIAN_DEMO_ENABLED: {{ .Values.demo.enabled | quote }}
DANGJIAN_HEALTH_KEYCLOAK_ENABLED: {{ .Values.probes.keycloakReadiness | quote }}
DANGJIAN_TENANT_CONFIG_DIR: "/deployments/tenant-config"
DANGJIAN_DATA_DIR: "/tmp/dangjian"
QUARKUS_LOG_CONSOLE_JSON_ENABLED: {{ .Values.logging.json | quote }}
QUARKUS_LOG_LEVEL: {{ .Values.logging.level | quote }}
QUARKUS_SHUTDOWN_DELAY: {{ .Values.shutdown.delay | quote }}
QUARKUS_SHUTDOWN_TIMEOUT: {{ .Values.shutdown.timeout | quote }}
JAVA_TOOL_OPTIONS: {{ printf "-XX:MaxRAMPercentage=%v %s" .Values.jvm.maxRamPercentage .Values.jvm.options | trim | quote }}
JAVA_MAX_RAM_RATIO: {{ .Values.jvm.maxRamPercentage | quote }}
{{- end }}

{{/* Every tenant-config file by its path below the folder: the chart's files/tenant-config/ and tenantConfig.files. */}}
{{- define "dangjian.tenantConfigFiles" -}}
{{- $files := dict }}
{{- range $path, $_ := .Files.Glob "files/tenant-config/**.{yaml,yml,csv}" }}
{{- $_ := set $files (trimPrefix "files/tenant-config/" $path) ($.Files.Get $path) }}
{{- end }}
{{- range $path, $content := .Values.tenantConfig.files }}
{{- $_ := set $files $path $content }}
{{- end }}
{{- toYaml $files }}
{{- end }}
