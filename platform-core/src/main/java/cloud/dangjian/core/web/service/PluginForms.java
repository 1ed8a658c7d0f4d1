package cloud.dangjian.core.web.service;

import cloud.dangjian.core.plugin.rest.ConfigurationSchema;
import cloud.dangjian.core.plugin.rest.PluginViews;
import cloud.dangjian.core.problem.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a plugin's settings form from its configuration record (labels, help, kinds, limits) and reads a submitted
 * form back into the tenant's overrides: only the settings that differ from what the region gives are kept, so a
 * region's later change still reaches settings the tenant never touched.
 */
public final class PluginForms {

    /** One plugin's form. */
    public record Form(String id, String name, String description, boolean allowedByPlan, boolean enabled,
            List<Field> fields, boolean saved, boolean failed) {
    }

    /** One input of a form, with what the user typed and the error beside it. */
    public record Field(String name, String inputName, String label, String help, String kind, String value,
            boolean checked, List<String> choices, Object min, Object max, boolean regionOnly, String error) {
    }

    private PluginForms() {
    }

    public static Form form(PluginViews.PluginView plugin, Locale locale, Map<String, String> typed,
            Boolean typedEnabled, Map<String, String> errors, boolean saved) {
        List<Field> fields = new ArrayList<>();
        for (ConfigurationSchema.SettingView setting : plugin.settings()) {
            if (setting.kind().equals("list") || setting.kind().equals("object")) {
                continue;
            }
            Object current = plugin.config().get(setting.name());
            String value = typed.containsKey(setting.name()) ? typed.get(setting.name())
                    : current == null ? "" : current.toString();
            boolean checked = setting.kind().equals("boolean")
                    && (typedEnabled != null ? typed.containsKey(setting.name()) : Boolean.TRUE.equals(current));
            fields.add(new Field(setting.name(), "config." + setting.name(), setting.label().in(locale),
                    setting.help().in(locale), setting.kind(), value, checked, setting.choices(), limit(setting, "Min"),
                    limit(setting, "Max"), setting.regionOnly(), errors.get("config." + setting.name())));
        }
        return new Form(plugin.id(), plugin.name().in(locale), plugin.description().in(locale), plugin.allowedByPlan(),
                typedEnabled != null ? typedEnabled : plugin.enabled(), fields, saved, !errors.isEmpty());
    }

    /**
     * The tenant's overrides from a submitted form.
     *
     * @param errors
     *            receives {@code config.<name>} → message for values that are not even of the right kind
     */
    public static Map<String, Object> overrides(PluginViews.PluginView plugin, Map<String, String> submitted,
            Map<String, String> errors) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (ConfigurationSchema.SettingView setting : plugin.settings()) {
            String name = setting.name();
            if (setting.regionOnly() || setting.kind().equals("list") || setting.kind().equals("object")) {
                if (plugin.overrides().containsKey(name) && !setting.regionOnly()) {
                    overrides.put(name, plugin.overrides().get(name));
                }
                continue;
            }
            Object value;
            String text = submitted.get(name);
            try {
                value = switch (setting.kind()) {
                    case "boolean" -> text != null;
                    case "integer" -> Long.valueOf(text == null ? "" : text.trim());
                    case "number" -> Double.valueOf(text == null ? "" : text.trim());
                    default -> text == null ? "" : text;
                };
            } catch (NumberFormatException e) {
                errors.put("config." + name, "");
                continue;
            }
            if (!sameValue(value, plugin.inherited().get(name))) {
                overrides.put(name, value);
            }
        }
        return overrides;
    }

    /** Field errors of a refused change, by input name. */
    public static Map<String, String> errorsOf(Problem problem) {
        Map<String, String> errors = new HashMap<>();
        if (problem.errors() != null) {
            problem.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
        } else if (problem.field() != null) {
            errors.put(problem.field(), problem.detail());
        }
        return errors;
    }

    private static boolean sameValue(Object submitted, Object inherited) {
        if (submitted instanceof Number a && inherited instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return Objects.equals(submitted, inherited);
    }

    private static Object limit(ConfigurationSchema.SettingView setting, String constraint) {
        Map<String, Object> attributes = setting.constraints().get(constraint);
        return attributes == null ? null : attributes.get("value");
    }
}
