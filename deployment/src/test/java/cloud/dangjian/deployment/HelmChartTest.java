package cloud.dangjian.deployment;

import static cloud.dangjian.deployment.RenderedChart.CHART;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Helm chart in helm/dangjian, linted and rendered with its defaults, the production example and the single-node
 * trial, every document validated against the Kubernetes model, and the facts an operator relies on asserted.
 */
class HelmChartTest {

    private static final String PLATFORM = "dangjian";
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    /** An environment variable with such a name carries a credential: it must come from a Secret. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|JAAS|TOKEN).*|.*_KEY");

    static Stream<Arguments> valueSets() {
        return Stream.of(Arguments.of("defaults", null), Arguments.of("production", "production-values.yaml"),
                Arguments.of("trial", "trial-values.yaml"));
    }

    @Test
    void shouldPassHelmLintStrictly() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertFalse(result.isFailed(), () -> String.join("\n", result.getMessages()));
        assertTrue(result.getMessages().stream().noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]")),
                () -> String.join("\n", result.getMessages()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void shouldRenderOnlyValidKubernetesObjectsWithValidNames(String name, String valuesFile) {
        RenderedChart chart = RenderedChart.render(valuesFile, Map.of());
        assertFalse(chart.resources.isEmpty());
        Set<String> seen = new HashSet<>();
        for (HasMetadata resource : chart.resources) {
            String resourceName = resource.getMetadata().getName();
            assertNotNull(resourceName, resource.getKind() + " has no name");
            assertTrue(DNS_1123_LABEL.matcher(resourceName).matches() && resourceName.length() <= 63,
                    resource.getKind() + " name is no DNS-1123 label: " + resourceName);
            assertTrue(seen.add(resource.getKind() + "/" + resourceName), "rendered twice: " + resourceName);
            assertEquals(RenderedChart.RELEASE, resource.getMetadata().getLabels().get("app.kubernetes.io/instance"),
                    resource.getKind() + "/" + resourceName + " is not labelled with its release");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void shouldWireEveryProbeToTheQuarkusHealthEndpoints(String name, String valuesFile) {
        Container platform = platformContainer(RenderedChart.render(valuesFile, Map.of()));
        assertProbe("/q/health/started", platform.getStartupProbe());
        assertProbe("/q/health/live", platform.getLivenessProbe());
        assertProbe("/q/health/ready", platform.getReadinessProbe());
        assertEquals(8080, platform.getPorts().get(0).getContainerPort());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void shouldRunEveryContainerAsNonRootWithLimits(String name, String valuesFile) {
        RenderedChart chart = RenderedChart.render(valuesFile, Map.of());
        for (PodSpec pod : podSpecs(chart)) {
            assertFalse(pod.getAutomountServiceAccountToken() == null || pod.getAutomountServiceAccountToken(),
                    "pods call no Kubernetes API and get no token");
            assertTrue(pod.getSecurityContext() != null && pod.getSecurityContext().getRunAsNonRoot(),
                    "pod not non-root: " + pod.getContainers().get(0).getName());
            for (Container container : containers(pod)) {
                assertNotNull(container.getResources().getRequests(), container.getName() + " has no requests");
                assertNotNull(container.getResources().getLimits().get("memory"),
                        container.getName() + " has no memory limit");
                assertFalse(container.getSecurityContext().getAllowPrivilegeEscalation(), container.getName());
                assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop(),
                        container.getName());
            }
        }
        Container platform = platformContainer(chart);
        assertTrue(platform.getSecurityContext().getReadOnlyRootFilesystem(), "the root filesystem is read-only");
        assertEquals(185L, platform.getSecurityContext().getRunAsUser());
        assertTrue(platform.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")),
                "/tmp is the one writable place");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void shouldReferenceSecretsByNameAndNeverRenderOne(String name, String valuesFile) {
        RenderedChart chart = RenderedChart.render(valuesFile, Map.of());
        assertEquals(List.of(), chart.all(Secret.class), "the chart renders no Secret");
        Set<String> configMaps = new HashSet<>();
        chart.all(ConfigMap.class).forEach(c -> configMaps.add(c.getMetadata().getName()));
        for (PodSpec pod : podSpecs(chart)) {
            for (Container container : containers(pod)) {
                for (EnvVar env : container.getEnv()) {
                    if (SECRET_NAME.matcher(env.getName()).matches()) {
                        assertTrue(
                                env.getValue() == null && env.getValueFrom() != null
                                        && env.getValueFrom().getSecretKeyRef() != null,
                                container.getName() + ": " + env.getName() + " must come from a Secret");
                        assertFalse(env.getValueFrom().getSecretKeyRef().getName().isBlank());
                    }
                }
                container.getEnvFrom().forEach(from -> assertTrue(configMaps.contains(from.getConfigMapRef().getName()),
                        container.getName() + " reads a ConfigMap that is not rendered"));
            }
            pod.getVolumes().stream().filter(v -> v.getConfigMap() != null)
                    .forEach(v -> assertTrue(configMaps.contains(v.getConfigMap().getName()),
                            "volume of a ConfigMap not rendered: " + v.getName()));
        }
        for (ConfigMap configMap : chart.all(ConfigMap.class)) {
            Map.copyOf(configMap.getData() == null ? Map.of() : configMap.getData()).forEach(
                    (key, value) -> assertFalse(SECRET_NAME.matcher(key).matches(), "a secret in a ConfigMap: " + key));
        }
    }

    @Test
    void shouldMigrateInAPreInstallAndPreUpgradeHookJobWithTheMigrationRoleOnly() {
        RenderedChart chart = RenderedChart.render("production-values.yaml", Map.of());
        Job job = chart.get(Job.class, PLATFORM + "-migrate");
        Map<String, String> annotations = job.getMetadata().getAnnotations();
        assertEquals(Set.of("pre-install", "pre-upgrade"),
                Set.of(annotations.get(RenderedChart.HOOK_ANNOTATION).split(",")));
        assertTrue(annotations.get("helm.sh/hook-delete-policy").contains("before-hook-creation"));
        Container migrate = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(List.of("migrate"), migrate.getArgs());
        assertEquals("Never", job.getSpec().getTemplate().getSpec().getRestartPolicy());
        assertTrue(env(migrate).containsKey("QUARKUS_DATASOURCE_MIGRATION_PASSWORD"));
        // A hook runs before the release's ConfigMap exists: its settings are inline.
        assertTrue(migrate.getEnvFrom().isEmpty());
        assertEquals("jdbc:postgresql://pg-primary.db.svc.cluster.local:5432/dangjian?sslmode=require",
                env(migrate).get("QUARKUS_DATASOURCE_JDBC_URL").getValue());

        Container platform = platformContainer(chart);
        assertFalse(env(platform).containsKey("QUARKUS_DATASOURCE_MIGRATION_PASSWORD"),
                "the platform's nodes never hold the schema owner's credentials");
        assertEquals("false", env(platform).get("QUARKUS_FLYWAY_MIGRATION_MIGRATE_AT_START").getValue());
        assertEquals(platformContainerImage(chart), migrate.getImage());
        assertEquals("registry.example.cn/dangjian/dangjian-platform:0.1.0", migrate.getImage());
    }

    @Test
    void shouldMigrateInAnInitContainerInTheTrialWhoseDatabaseTheReleaseCreates() {
        RenderedChart chart = RenderedChart.render("trial-values.yaml", Map.of());
        assertTrue(chart.all(Job.class).isEmpty());
        Deployment deployment = chart.get(Deployment.class, PLATFORM);
        Container init = deployment.getSpec().getTemplate().getSpec().getInitContainers().get(0);
        assertEquals(List.of("migrate"), init.getArgs());
        assertTrue(env(init).containsKey("QUARKUS_DATASOURCE_MIGRATION_USERNAME"));
        for (String component : List.of("postgresql", "keycloak", "kafka", "minio")) {
            StatefulSet statefulSet = chart.get(StatefulSet.class, PLATFORM + "-" + component);
            assertEquals(1, statefulSet.getSpec().getReplicas());
            Service service = chart.get(Service.class, PLATFORM + "-" + component);
            assertEquals(statefulSet.getSpec().getSelector().getMatchLabels(), service.getSpec().getSelector());
        }
        ConfigMap env = chart.get(ConfigMap.class, PLATFORM + "-env");
        assertEquals("jdbc:postgresql://dangjian-postgresql:5432/dangjian",
                env.getData().get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("dangjian-kafka:9092", env.getData().get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("http://dangjian-minio:9000", env.getData().get("DANGJIAN_STORAGE_ENDPOINT"));
        assertEquals("dangjian-files", env.getData().get("DANGJIAN_STORAGE_BUCKET"));
        assertEquals("http://dangjian-keycloak:8080/realms/dangjian",
                env.getData().get("QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertEquals("true", env.getData().get("DANGJIAN_DEMO_ENABLED"));
        assertTrue(chart.get(ConfigMap.class, PLATFORM + "-keycloak-realm").getData().get("dangjian-realm.json")
                .contains("\"realm\""));
    }

    @Test
    void shouldRenderNoInClusterDependencyByDefault() {
        RenderedChart chart = RenderedChart.render(null, Map.of());
        assertEquals(List.of(), chart.all(StatefulSet.class));
        assertEquals(1, chart.all(Job.class).size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void shouldSelectThePlatformPodsFromServiceAutoscalerBudgetAndPolicy(String name, String valuesFile) {
        RenderedChart chart = RenderedChart.render(valuesFile, Map.of());
        Deployment deployment = chart.get(Deployment.class, PLATFORM);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(podLabels.entrySet().containsAll(deployment.getSpec().getSelector().getMatchLabels().entrySet()));
        Service service = chart.get(Service.class, PLATFORM);
        assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()));
        assertEquals("http", service.getSpec().getPorts().get(0).getTargetPort().getStrVal());
        chart.find(PodDisruptionBudget.class, PLATFORM).ifPresent(pdb -> assertTrue(
                podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet())));
        chart.find(HorizontalPodAutoscaler.class, PLATFORM).ifPresent(hpa -> {
            assertEquals(PLATFORM, hpa.getSpec().getScaleTargetRef().getName());
            assertEquals(null, deployment.getSpec().getReplicas(), "the autoscaler owns the replica count");
        });
        NetworkPolicy policy = chart.get(NetworkPolicy.class, PLATFORM);
        assertTrue(podLabels.entrySet().containsAll(policy.getSpec().getPodSelector().getMatchLabels().entrySet()));
        assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
        long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        ConfigMap env = chart.get(ConfigMap.class, PLATFORM + "-env");
        long delay = seconds(env.getData().get("QUARKUS_SHUTDOWN_DELAY"));
        long timeout = seconds(env.getData().get("QUARKUS_SHUTDOWN_TIMEOUT"));
        assertTrue(grace > delay + timeout, "terminationGracePeriodSeconds must exceed shutdown delay + timeout");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void shouldSizeTheHeapToLeaveRoomInsideTheMemoryLimit(String name, String valuesFile) {
        RenderedChart chart = RenderedChart.render(valuesFile, Map.of());
        ConfigMap env = chart.get(ConfigMap.class, PLATFORM + "-env");
        String percentage = env.getData().get("JAVA_MAX_RAM_RATIO");
        assertTrue(env.getData().get("JAVA_TOOL_OPTIONS").contains("-XX:MaxRAMPercentage=" + percentage),
                "both ways of sizing the heap agree");
        long limit = Quantity.getAmountInBytes(platformContainer(chart).getResources().getLimits().get("memory"))
                .longValue();
        long heap = limit * Long.parseLong(percentage) / 100;
        assertTrue(limit - heap >= 300L * 1024 * 1024,
                "at least 300 MiB beside a " + heap / 1024 / 1024 + " MiB heap for metaspace, threads and buffers");
    }

    @Test
    void shouldServeOnlyTheApiAndTheWebShellOverTlsFromTheIngress() {
        Ingress ingress = RenderedChart.render("production-values.yaml", Map.of()).get(Ingress.class, PLATFORM);
        assertEquals(List.of("dangjian.suzhou.example.cn"), ingress.getSpec().getTls().get(0).getHosts());
        assertEquals("dangjian-suzhou-tls", ingress.getSpec().getTls().get(0).getSecretName());
        assertEquals("dangjian.suzhou.example.cn", ingress.getSpec().getRules().get(0).getHost());
        // The /q/ operations endpoints (health, metrics) stay inside the cluster.
        assertEquals(List.of("/api", "/t", "/logout", "/static"),
                ingress.getSpec().getRules().get(0).getHttp().getPaths().stream().map(p -> p.getPath()).toList());
    }

    @Test
    void shouldGiveThePlatformItsKeycloakClientsSecretsAndTheAdminApiUrl() {
        RenderedChart chart = RenderedChart.render("production-values.yaml", Map.of());
        Container platform = chart.get(Deployment.class, PLATFORM).getSpec().getTemplate().getSpec().getContainers()
                .get(0);
        for (String name : List.of("DANGJIAN_WEB_CLIENT_SECRET", "QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET")) {
            EnvVar env = platform.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
            assertEquals("dangjian-keycloak-clients", env.getValueFrom().getSecretKeyRef().getName(), name);
        }
        assertEquals("https://sso.suzhou.example.cn", chart.get(ConfigMap.class, PLATFORM + "-env").getData()
                .get("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL"));
    }

    @Test
    void shouldShipTenantConfigFilesInTheirFoldersAndMountThemReadOnly() {
        RenderedChart chart = RenderedChart.render("production-values.yaml", Map.of());
        ConfigMap tenantConfig = chart.get(ConfigMap.class, PLATFORM + "-tenant-config");
        assertTrue(tenantConfig.getData().get("regions__sz.yaml").contains("code: sz"));
        assertTrue(tenantConfig.getData().get("tenants__sz-gusu-community.yaml").contains("id: sz-gusu-community"));
        Deployment deployment = chart.get(Deployment.class, PLATFORM);
        var volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals("tenant-config")).findFirst().orElseThrow();
        Map<String, String> paths = new java.util.HashMap<>();
        volume.getConfigMap().getItems().forEach(item -> paths.put(item.getKey(), item.getPath()));
        assertEquals(Map.of("regions__sz.yaml", "regions/sz.yaml", "tenants__sz-gusu-community.yaml",
                "tenants/sz-gusu-community.yaml"), paths);
        assertTrue(platformContainer(chart).getVolumeMounts().stream()
                .anyMatch(m -> m.getMountPath().equals("/deployments/tenant-config") && m.getReadOnly()));
        assertEquals("/deployments/tenant-config",
                chart.get(ConfigMap.class, PLATFORM + "-env").getData().get("DANGJIAN_TENANT_CONFIG_DIR"));
    }

    @Test
    void shouldRefuseToRenderWithoutTheExternalDatabaseOrATlsSecret() {
        Exception noDatabase = assertThrows(Exception.class,
                () -> RenderedChart.render(null, Map.of("database.url", "")));
        assertTrue(noDatabase.getMessage().contains("database.url is required"), noDatabase.getMessage());
        Exception noTls = assertThrows(Exception.class,
                () -> RenderedChart.render(null, Map.of("ingress.tls.secretName", "")));
        assertTrue(noTls.getMessage().contains("TLS only"), noTls.getMessage());
    }

    @Test
    void shouldRefuseAMisspeltOrMistypedValue() {
        Exception misspelt = assertThrows(Exception.class, () -> RenderedChart.render(null, Map.of("replicas", 3)));
        assertTrue(misspelt.getMessage().contains("replicas"), misspelt.getMessage());
        Exception strategy = assertThrows(Exception.class,
                () -> RenderedChart.render(null, Map.of("migrations.strategy", "atStart")));
        assertTrue(strategy.getMessage().contains("strategy"), strategy.getMessage());
    }

    @Test
    void shouldRejectAFieldTheKubernetesApiDoesNotDefine() {
        String typo = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: typo
                spec:
                  selector:
                    matchLabels: {app: typo}
                  template:
                    metadata:
                      labels: {app: typo}
                    spec:
                      containers:
                        - name: app
                          image: app
                          readinessProbe:
                            httpGet: {path: /q/health/ready, port: 8080}
                            periodSecond: 5
                """;
        AssertionError error = assertThrows(AssertionError.class, () -> RenderedChart.parse(typo));
        assertTrue(error.getMessage().contains("readinessProbe.periodSecond"), error.getMessage());
    }

    @Test
    void shouldShipTheSameKeycloakRealmAsTenantConfig() throws IOException {
        Path original = Path.of(System.getProperty("dangjian.realm", "../tenant-config/keycloak/dangjian-realm.json"));
        assertEquals(Files.readString(original), Files.readString(CHART.resolve("files/keycloak/dangjian-realm.json")),
                "helm/dangjian/files/keycloak/dangjian-realm.json must be a copy of " + original);
    }

    @Test
    void shouldRunTheTrialOnTheKeycloakAndPostgreSqlVersionsTheTestsRun() {
        RenderedChart chart = RenderedChart.render("trial-values.yaml", Map.of());
        String keycloak = chart.get(StatefulSet.class, PLATFORM + "-keycloak").getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage();
        assertTrue(keycloak.endsWith(":" + System.getProperty("dangjian.keycloak.version")), keycloak);
        String postgres = chart.get(StatefulSet.class, PLATFORM + "-postgresql").getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage();
        String binaries = System.getProperty("dangjian.postgres.version");
        assertTrue(binaries.startsWith(postgres.substring(postgres.lastIndexOf(':') + 1) + "."),
                postgres + " is not the PostgreSQL of the embedded binaries " + binaries);
    }

    private static void assertProbe(String path, Probe probe) {
        assertNotNull(probe, "missing probe for " + path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals("http", probe.getHttpGet().getPort().getStrVal());
    }

    private static Container platformContainer(RenderedChart chart) {
        return chart.get(Deployment.class, PLATFORM).getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals("platform")).findFirst().orElseThrow();
    }

    private static String platformContainerImage(RenderedChart chart) {
        return platformContainer(chart).getImage();
    }

    private static List<PodSpec> podSpecs(RenderedChart chart) {
        List<PodSpec> pods = new ArrayList<>();
        chart.all(Deployment.class).forEach(d -> pods.add(d.getSpec().getTemplate().getSpec()));
        chart.all(StatefulSet.class).forEach(s -> pods.add(s.getSpec().getTemplate().getSpec()));
        chart.all(Job.class).forEach(j -> pods.add(j.getSpec().getTemplate().getSpec()));
        return pods;
    }

    private static List<Container> containers(PodSpec pod) {
        List<Container> containers = new ArrayList<>(pod.getContainers());
        containers.addAll(pod.getInitContainers());
        return containers;
    }

    private static Map<String, EnvVar> env(Container container) {
        Map<String, EnvVar> env = new java.util.HashMap<>();
        container.getEnv().forEach(e -> env.put(e.getName(), e));
        return env;
    }

    private static long seconds(String quarkusDuration) {
        return Long.parseLong(quarkusDuration.replaceAll("(?i)s$", ""));
    }
}
