package cloud.dangjian.core.plugin.service;

import cloud.dangjian.core.plugin.spi.PluginDescriptor;
import cloud.dangjian.core.problem.Problem;
import cloud.dangjian.core.problem.ProblemException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns layers of partial JSON settings into a plugin's typed configuration: the plugin's defaults, then each region's
 * settings from the root down, then the tenant's own. Refuses unknown settings, settings a tenant may not override,
 * wrongly typed values and values breaking the configuration's constraints, naming each field as {@code config.<path>}.
 */
@ApplicationScoped
public class PluginConfigurations {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Validator validator;

    private ObjectMapper strict;

    @PostConstruct
    void init() {
        strict = objectMapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** The plugin's defaults as a JSON object. */
    public Map<String, Object> defaults(PluginDescriptor<?> descriptor) {
        return objectMapper.convertValue(descriptor.defaults().get(), MAP);
    }

    /** The defaults with every layer merged over them, in order. */
    public Map<String, Object> merge(PluginDescriptor<?> descriptor, List<Map<String, Object>> layers) {
        Map<String, Object> merged = defaults(descriptor);
        for (Map<String, Object> layer : layers) {
            merged = deepMerge(merged, layer);
        }
        return merged;
    }

    /**
     * Checks settings someone wants to store: every key must be a setting of the plugin, a tenant may not set a
     * region-only one, and the result of layering them must bind and validate.
     */
    public <C> C check(PluginDescriptor<C> descriptor, List<Map<String, Object>> inherited,
            Map<String, Object> proposed, boolean byRegion) {
        Set<String> known = defaults(descriptor).keySet();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String key : proposed.keySet()) {
            if (!known.contains(key)) {
                errors.add(new Problem.FieldError("config." + key,
                        "is not a setting of plugin '" + descriptor.id() + "'; settings are " + known));
            } else if (!byRegion && descriptor.regionOnlySettings().contains(key)) {
                errors.add(new Problem.FieldError("config." + key,
                        "is set by the region for every tenant below it and cannot be overridden by a tenant"));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        List<Map<String, Object>> layers = new ArrayList<>(inherited);
        layers.add(proposed);
        return bind(descriptor, merge(descriptor, layers));
    }

    /** Binds merged settings to the typed configuration and validates it. */
    public <C> C bind(PluginDescriptor<C> descriptor, Map<String, Object> merged) {
        C configuration;
        try {
            configuration = strict.convertValue(merged, descriptor.configurationType());
        } catch (IllegalArgumentException e) {
            throw invalid(List.of(new Problem.FieldError(fieldOf(e), reasonOf(e))));
        }
        Set<ConstraintViolation<C>> violations = validator.validate(configuration);
        if (!violations.isEmpty()) {
            throw invalid(violations.stream()
                    .map(v -> new Problem.FieldError("config." + v.getPropertyPath(), v.getMessage()))
                    .sorted((a, b) -> a.field().compareTo(b.field())).collect(Collectors.toList()));
        }
        return configuration;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        over.forEach((key, value) -> {
            Object existing = result.get(key);
            if (existing instanceof Map<?, ?> existingMap && value instanceof Map<?, ?> valueMap) {
                result.put(key, deepMerge((Map<String, Object>) existingMap, (Map<String, Object>) valueMap));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    private static String fieldOf(IllegalArgumentException e) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder("config");
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
            }
            return path.toString();
        }
        return "config";
    }

    private static String reasonOf(IllegalArgumentException e) {
        if (e.getCause() instanceof JsonMappingException mapping) {
            String message = mapping.getOriginalMessage();
            int detail = message.indexOf(" (");
            return "has the wrong type or shape: " + (detail > 0 ? message.substring(0, detail) : message);
        }
        return "is not a valid configuration";
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        Problem.FieldError first = errors.get(0);
        return new ProblemException(Status.BAD_REQUEST, "invalid-configuration", "Invalid plugin configuration",
                first.field() + " " + first.message(), first.field(), errors);
    }
}
