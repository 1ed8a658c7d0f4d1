package cloud.dangjian.core.web.service;

import cloud.dangjian.core.plugin.rest.ConfigurationSchema;
import cloud.dangjian.core.plugin.rest.PluginViews;
import cloud.dangjian.core.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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

    /**
     * One input of a form, with what the user typed and the error beside it. A setting inside a group (a record in the
     * configuration) is named by its path, {@code approvers.task}; kind {@code choices} is a multiple choice of
     * {@code options} (a list of enum values), shown as checkboxes.
     */
    public record Field(String name, String inputName, String label, String help, String kind, String value,
            boolean checked, List<String> choices, Object min, Object max, boolean regionOnly, String error,
            List<Option> options) {
    }

    /** One choice of a choice or multiple-choice input. */
    public record Option(String value, String label, boolean selected) {
    }

    private PluginForms() {
    }

    /**
     * @param typed
     *            what the user submitted, by setting path; a multiple choice's values joined by commas
     * @param typedEnabled
     *            the submitted switch, or null when the form shows the stored settings rather than a refused submission
     */
    public static Form form(PluginViews.PluginView plugin, Locale locale, Map<String, String> typed,
            Boolean typedEnabled, Map<String, String> errors, boolean saved) {
        List<Field> fields = new ArrayList<>();
        addFields(fields, plugin.settings(), "", "", plugin.config(), locale, typed, typedEnabled != null, errors);
        return new Form(plugin.id(), plugin.name().in(locale), plugin.description().in(locale), plugin.allowedByPlan(),
                typedEnabled != null ? typedEnabled : plugin.enabled(), fields, saved, !errors.isEmpty());
    }

    private static void addFields(List<Field> fields, List<ConfigurationSchema.SettingView> settings, String prefix,
            String labelPrefix, Map<String, Object> config, Locale locale, Map<String, String> typed, boolean submitted,
            Map<String, String> errors) {
        for (ConfigurationSchema.SettingView setting : settings) {
            String name = prefix + setting.name();
            String label = labelPrefix + setting.label().in(locale);
            Object current = config == null ? null : config.get(setting.name());
            if (isGroup(setting)) {
                addFields(fields, setting.fields(), name + ".", label + " · ", asMap(current), locale, typed, submitted,
                        errors);
                continue;
            }
            if (isMultipleChoice(setting)) {
                List<String> selected = submitted ? split(typed.get(name)) : asStrings(current);
                fields.add(new Field(name, "config." + name, label, setting.help().in(locale), "choices",
                        String.join(",", selected), false, setting.choices(), null, null, setting.regionOnly(),
                        errorOf(errors, "config." + name), options(setting, locale, selected)));
                continue;
            }
            if (setting.kind().equals("list") || setting.kind().equals("object")) {
                continue;
            }
            String value = typed.containsKey(name) ? typed.get(name) : current == null ? "" : current.toString();
            boolean checked = setting.kind().equals("boolean")
                    && (submitted ? typed.containsKey(name) : Boolean.TRUE.equals(current));
            fields.add(new Field(name, "config." + name, label, setting.help().in(locale), setting.kind(), value,
                    checked, setting.choices(), limit(setting, "Min"), limit(setting, "Max"), setting.regionOnly(),
                    errorOf(errors, "config." + name), options(setting, locale, List.of(value))));
        }
    }

    /**
     * The tenant's overrides from a submitted form.
     *
     * @param submitted
     *            the submitted values by setting path ({@code maxAwardPoints}, {@code approvers.task}); a multiple
     *            choice's values joined by commas
     * @param errors
     *            receives {@code config.<name>} → message for values that are not even of the right kind
     */
    public static Map<String, Object> overrides(PluginViews.PluginView plugin, Map<String, String> submitted,
            Map<String, String> errors) {
        return overrides(plugin.settings(), "", plugin.overrides(), plugin.inherited(), submitted, errors);
    }

    private static Map<String, Object> overrides(List<ConfigurationSchema.SettingView> settings, String prefix,
            Map<String, Object> stored, Map<String, Object> inherited, Map<String, String> submitted,
            Map<String, String> errors) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (ConfigurationSchema.SettingView setting : settings) {
            String key = setting.name();
            String name = prefix + key;
            if (setting.regionOnly()) {
                continue;
            }
            if (isGroup(setting)) {
                Map<String, Object> group = overrides(setting.fields(), name + ".", asMap(stored.get(key)),
                        asMap(inherited.get(key)), submitted, errors);
                if (!group.isEmpty()) {
                    overrides.put(key, group);
                }
                continue;
            }
            if (isMultipleChoice(setting)) {
                List<String> chosen = split(submitted.get(name));
                if (!new HashSet<>(chosen).equals(new HashSet<>(asStrings(inherited.get(key))))) {
                    overrides.put(key, chosen);
                }
                continue;
            }
            if (setting.kind().equals("list") || setting.kind().equals("object")) {
                // Not on the form: keep what the tenant set through the API.
                if (stored.containsKey(key)) {
                    overrides.put(key, stored.get(key));
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
            if (!sameValue(value, inherited.get(key))) {
                overrides.put(key, value);
            }
        }
        return overrides;
    }

    /** A record inside the configuration whose settings the form shows one by one. */
    private static boolean isGroup(ConfigurationSchema.SettingView setting) {
        return setting.kind().equals("object") && setting.fields() != null && !setting.fields().isEmpty();
    }

    /** A list of enum values: one checkbox per value. */
    private static boolean isMultipleChoice(ConfigurationSchema.SettingView setting) {
        return setting.kind().equals("list") && !setting.choices().isEmpty();
    }

    private static List<Option> options(ConfigurationSchema.SettingView setting, Locale locale, List<String> selected) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < setting.choices().size(); i++) {
            String choice = setting.choices().get(i);
            String label = setting.choiceLabels() != null && i < setting.choiceLabels().size()
                    ? setting.choiceLabels().get(i).in(locale)
                    : choice;
            options.add(new Option(choice, label, selected.contains(choice)));
        }
        return options;
    }

    /** The error of an input, or of one of its elements ({@code config.approvers.task[0]}). */
    private static String errorOf(Map<String, String> errors, String inputName) {
        if (errors.containsKey(inputName)) {
            return errors.get(inputName);
        }
        return errors.entrySet().stream().filter(e -> e.getKey().startsWith(inputName + "[")).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static List<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<String> asStrings(Object value) {
        return value instanceof Collection<?> values ? values.stream().map(String::valueOf).toList() : List.of();
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
