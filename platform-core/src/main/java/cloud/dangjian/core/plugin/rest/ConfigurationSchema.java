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

    /**
     * One setting of a plugin.
     *
     * @param choices
     *            the values of an enum setting, or of the elements of a list of enums (a multiple choice)
     * @param choiceLabels
     *            a label for each choice, in the same order: the enum constant's {@code @Setting}, else its name
     * @param fields
     *            the settings inside a setting that is itself a record (kind {@code object}); empty otherwise
     */
    public record SettingView(String name, String kind, List<String> choices, LocalizedText label, LocalizedText help,
            Map<String, Map<String, Object>> constraints, boolean regionOnly, List<LocalizedText> choiceLabels,
            List<SettingView> fields) {
    }

    @Inject
    Validator validator;

    public List<SettingView> of(PluginDescriptor<?> descriptor) {
        Class<?> type = descriptor.configurationType();
        if (!type.isRecord()) {
            return List.of();
        }
        return settingsOf(type, descriptor.regionOnlySettings(), false, 0);
    }

    private List<SettingView> settingsOf(Class<?> type, Collection<String> regionOnly, boolean allRegionOnly,
            int depth) {
        BeanDescriptor bean = validator.getConstraintsForClass(type);
        List<SettingView> settings = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Setting setting = component.getAnnotation(Setting.class);
            LocalizedText label = setting == null ? LocalizedText.of(component.getName(), component.getName())
                    : LocalizedText.of(setting.zhCN(), setting.en());
            LocalizedText help = setting == null ? LocalizedText.of("", "")
                    : LocalizedText.of(setting.helpZhCN(), setting.helpEn());
            boolean onlyRegion = allRegionOnly || regionOnly.contains(component.getName());
            Class<?> choiceType = choiceType(component.getGenericType());
            Class<?> raw = component.getType();
            // A record inside the configuration (a group of settings) is described field by field, a few levels deep.
            List<SettingView> fields = raw.isRecord() && depth < 3 ? settingsOf(raw, List.of(), onlyRegion, depth + 1)
                    : List.of();
            settings.add(new SettingView(component.getName(), kind(component.getGenericType()), choices(choiceType),
                    label, help, constraints(bean.getConstraintsForProperty(component.getName())), onlyRegion,
                    choiceLabels(choiceType), fields));
        }
        return settings;
    }

    /** The enum a setting chooses from: its own type, or its elements' for a list of enums; null for others. */
    private static Class<?> choiceType(Type type) {
        if (type instanceof Class<?> raw) {
            return raw.isEnum() ? raw : null;
        }
        if (type instanceof ParameterizedType parameterized
                && Collection.class.isAssignableFrom((Class<?>) parameterized.getRawType())
                && parameterized.getActualTypeArguments().length == 1
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element && element.isEnum()) {
            return element;
        }
        return null;
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
        return type == null ? List.of() : Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
    }

    private static List<LocalizedText> choiceLabels(Class<?> type) {
        if (type == null) {
            return List.of();
        }
        List<LocalizedText> labels = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            Setting setting;
            try {
                setting = type.getField(name).getAnnotation(Setting.class);
            } catch (NoSuchFieldException e) {
                setting = null;
            }
            labels.add(setting == null ? LocalizedText.of(name, name) : LocalizedText.of(setting.zhCN(), setting.en()));
        }
        return labels;
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
