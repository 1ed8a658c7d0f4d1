package cloud.dangjian.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The chart rendered by {@code helm template} (Helm's own library, no binary, no cluster) and every document parsed
 * into its typed Kubernetes model class, strictly: a document of an unknown kind, or a field the Kubernetes API does
 * not define (a typo, a mis-indented block), fails the test that rendered it.
 */
final class RenderedChart {

    static final Path CHART = Path.of(System.getProperty("dangjian.chart", "../helm/dangjian")).toAbsolutePath()
            .normalize();
    static final String RELEASE = "dangjian";
    static final String NAMESPACE = "dangjian";
    /** The oldest Kubernetes the chart declares in Chart.yaml's kubeVersion, and a current one. */
    static final String KUBE_VERSION = "1.30.0";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: (.+)$");

    final List<HasMetadata> resources;

    private RenderedChart(List<HasMetadata> resources) {
        this.resources = resources;
    }

    /**
     * Helm's library, as helm-java calls it, renders a release's manifest without its hooks, and the migration Job is a
     * hook. The chart is therefore rendered from a copy in which the hook annotation's key is renamed to
     * {@value #HOOK_ANNOTATION}, so the Job is rendered like any resource and its hook phases can still be asserted.
     * Nothing else differs from the chart.
     */
    static final String HOOK_ANNOTATION = "dangjian.cloud/rendered-helm-hook";

    private static Path renderableCopy;

    /** Renders with the chart's defaults plus, if given, one of the chart's ci/ values files and some --set pairs. */
    static RenderedChart render(String valuesFile, Map<String, Object> set) {
        TemplateCommand template = new Helm(renderableCopy()).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        if (valuesFile != null) {
            Path values = CHART.resolve("ci").resolve(valuesFile);
            if (!Files.isRegularFile(values)) {
                fail("no values file " + values);
            }
            template = template.withValuesFile(values);
        }
        for (Map.Entry<String, Object> entry : set.entrySet()) {
            template = template.set(entry.getKey(), entry.getValue());
        }
        return new RenderedChart(parse(template.call()));
    }

    private static synchronized Path renderableCopy() {
        if (renderableCopy != null) {
            return renderableCopy;
        }
        try {
            Path copy = Files.createTempDirectory("dangjian-chart-").resolve(CHART.getFileName());
            try (Stream<Path> files = Files.walk(CHART)) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(CHART.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else if (file.toString().endsWith(".yaml") && CHART.relativize(file).startsWith("templates")) {
                        Files.writeString(target,
                                Files.readString(file).replace("helm.sh/hook:", HOOK_ANNOTATION + ":"));
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            renderableCopy = copy;
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<HasMetadata> parse(String manifests) {
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(manifests)) {
            if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            String source = SOURCE.matcher(document).results().map(m -> m.group(1)).findFirst().orElse("?");
            Object parsed;
            try {
                parsed = SERIALIZATION.unmarshal(document);
            } catch (RuntimeException e) {
                throw new AssertionError(source + " is not a valid Kubernetes object: " + e.getMessage(), e);
            }
            if (!(parsed instanceof HasMetadata resource) || parsed instanceof GenericKubernetesResource) {
                throw new AssertionError(source + " is of no kind the Kubernetes API defines:\n" + document);
            }
            List<String> unknown = new ArrayList<>();
            unknownFields(resource, resource.getKind(), unknown);
            if (!unknown.isEmpty()) {
                throw new AssertionError(source + " has fields the Kubernetes API does not define: " + unknown);
            }
            resources.add(resource);
        }
        return resources;
    }

    /**
     * The model classes keep what they do not recognise in {@code additionalProperties} instead of failing; any entry
     * there, anywhere in the tree, is a field Kubernetes would reject or silently drop.
     */
    static void unknownFields(Object node, String path, List<String> unknown) {
        if (node == null) {
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(value, path + "." + key, unknown));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
                continue;
            }
            unknownFields(value, path + "." + property(getter.getName()), unknown);
        }
    }

    private static Object invoke(Method getter, Object node) {
        try {
            return getter.invoke(node);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String property(String getterName) {
        String name = getterName.substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> kind, String name) {
        return find(kind, name).orElseThrow(
                () -> new AssertionError("no " + kind.getSimpleName() + " " + name + " rendered; rendered: "
                        + resources.stream().map(r -> r.getKind() + "/" + r.getMetadata().getName()).toList()));
    }
}
