package cloud.dangjian.core.plugin.rest;

import cloud.dangjian.core.plugin.spi.LocalizedText;
import cloud.dangjian.core.plugin.spi.PluginDescriptor;
import cloud.dangjian.core.plugin.spi.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Describes a plugin's configuration record for the admin console's generated form: each setting's name, kind, labels,
 * constraints and whether only a region may set it. Read from the record itself, so it cannot drift.
 */
@ApplicationScoped
public class ConfigurationSchema {

    /** One setting of a plugin. */
    public record SettingView(String name, String kind, List<String> choices, LocalizedText label, LocalizedText help,
            Map<String, Map<String, Object>> constraints, boolean regionOnly) {
    }

    @Inject
    Validator validator;

    public List<SettingView> of(PluginDescriptor<?> descriptor) {
        Class<?> type = descriptor.configurationType();
        if (!type.isRecord()) {
            return List.of();
        }
        BeanDescriptor bean = validator.getConstraintsForClass(type);
        List<SettingView> settings = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Setting setting = component.getAnnotation(Setting.class);
            LocalizedText label = setting == null ? LocalizedText.of(component.getName(), component.getName())
                    : LocalizedText.of(setting.zhCN(), setting.en());
            LocalizedText help = setting == null ? LocalizedText.of("", "")
                    : LocalizedText.of(setting.helpZhCN(), setting.helpEn());
            settings.add(
                    new SettingView(component.getName(), kind(component.getGenericType()), choices(component.getType()),
                            label, help, constraints(bean.getConstraintsForProperty(component.getName())),
                            descriptor.regionOnlySettings().contains(component.getName())));
        }
        return settings;
    }

    private static String kind(Type type) {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(raw) || raw == double.class || raw == float.class) {
            return "number";
        }
        if (raw.isEnum()) {
            return "choice";
        }
        if (CharSequence.class.isAssignableFrom(raw)) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            return "list";
        }
        return "object";
    }

    private static List<String> choices(Class<?> type) {
        return type.isEnum() ? Arrays.stream(type.getEnumConstants()).map(Object::toString).toList() : List.of();
    }

    private static Map<String, Map<String, Object>> constraints(PropertyDescriptor property) {
        Map<String, Map<String, Object>> constraints = new TreeMap<>();
        if (property == null) {
            return constraints;
        }
        for (ConstraintDescriptor<?> constraint : property.getConstraintDescriptors()) {
            Map<String, Object> attributes = new TreeMap<>(constraint.getAttributes());
            attributes.keySet().removeAll(List.of("groups", "payload", "message"));
            constraints.put(constraint.getAnnotation().annotationType().getSimpleName(), attributes);
        }
        return constraints;
    }
}
