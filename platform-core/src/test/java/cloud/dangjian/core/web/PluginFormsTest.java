package cloud.dangjian.core.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.dangjian.core.plugin.rest.ConfigurationSchema.SettingView;
import cloud.dangjian.core.plugin.rest.PluginViews.PluginView;
import cloud.dangjian.core.plugin.spi.LocalizedText;
import cloud.dangjian.core.web.service.PluginForms;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated settings form for a group of settings (a record inside the configuration) and multiple choices. */
class PluginFormsTest {

    private static final List<String> ROLES = List.of("BRANCH_SECRETARY", "TENANT_ADMIN");

    @Test
    void shouldShowAGroupsMultipleChoicesAsCheckboxesAndReadBackOnlyWhatDiffers() {
        PluginView view = view(Map.of("approvers", Map.of("task", List.of("TENANT_ADMIN"))));

        PluginForms.Form form = PluginForms.form(view, Locale.ENGLISH, Map.of(), null, Map.of(), false);
        assertEquals(List.of("maxPoints", "approvers.bonus", "approvers.task"),
                form.fields().stream().map(PluginForms.Field::name).toList(), "the rules list is not on the form");
        PluginForms.Field task = form.fields().get(2);
        assertEquals("choices", task.kind());
        assertEquals("config.approvers.task", task.inputName());
        assertEquals("Approvers · Task approval", task.label());
        assertEquals(List.of("Branch secretary", "Tenant administrator"),
                task.options().stream().map(PluginForms.Option::label).toList());
        assertEquals(List.of(false, true), task.options().stream().map(PluginForms.Option::selected).toList());

        // Submitted: bonus unchanged from what the region gives, task changed back to both; the rules the tenant set
        // through the API are kept although the form does not show them.
        Map<String, String> errors = new HashMap<>();
        Map<String, Object> overrides = PluginForms.overrides(view, Map.of("maxPoints", "20", "approvers.bonus",
                "TENANT_ADMIN", "approvers.task", "TENANT_ADMIN,BRANCH_SECRETARY"), errors);
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(Map.of("rules", List.of("r1")), overrides);

        // Nothing ticked is a change (refused later by the configuration's own @Size), kept as an empty list.
        overrides = PluginForms.overrides(view,
                Map.of("maxPoints", "20", "approvers.bonus", "BRANCH_SECRETARY,TENANT_ADMIN"), errors);
        assertEquals(Map.of("rules", List.of("r1"), "approvers",
                Map.of("bonus", List.of("BRANCH_SECRETARY", "TENANT_ADMIN"), "task", List.of())), overrides);

        // A refused submission comes back as typed, with the error beside the field (also an element's error).
        PluginForms.Form refused = PluginForms.form(view, Locale.SIMPLIFIED_CHINESE, Map.of("maxPoints", "20"), true,
                Map.of("config.approvers.task[0]", "不是可选的角色"), false);
        PluginForms.Field typedTask = refused.fields().get(2);
        assertEquals("不是可选的角色", typedTask.error());
        assertFalse(typedTask.options().stream().anyMatch(PluginForms.Option::selected), "nothing was ticked");
        assertEquals("审批角色 · 任务审核", typedTask.label());
        assertEquals("支部书记", typedTask.options().get(0).label());
    }

    private static PluginView view(Map<String, Object> overrides) {
        SettingView maxPoints = new SettingView("maxPoints", "integer", List.of(), LocalizedText.of("上限", "Maximum"),
                LocalizedText.of("", ""), Map.of("Max", Map.of("value", 100L)), false, List.of(), List.of());
        SettingView rules = new SettingView("rules", "list", List.of(), LocalizedText.of("规则", "Rules"),
                LocalizedText.of("", ""), Map.of(), false, List.of(), List.of());
        List<LocalizedText> roleLabels = List.of(LocalizedText.of("支部书记", "Branch secretary"),
                LocalizedText.of("租户管理员", "Tenant administrator"));
        SettingView bonus = new SettingView("bonus", "list", ROLES, LocalizedText.of("附加积分", "Bonus awards"),
                LocalizedText.of("", ""), Map.of("Size", Map.of("min", 1)), false, roleLabels, List.of());
        SettingView task = new SettingView("task", "list", ROLES, LocalizedText.of("任务审核", "Task approval"),
                LocalizedText.of("", ""), Map.of("Size", Map.of("min", 1)), false, roleLabels, List.of());
        SettingView approvers = new SettingView("approvers", "object", List.of(), LocalizedText.of("审批角色", "Approvers"),
                LocalizedText.of("", ""), Map.of(), false, List.of(), List.of(bonus, task));
        Map<String, Object> inherited = new LinkedHashMap<>();
        inherited.put("maxPoints", 20);
        inherited.put("rules", List.of());
        inherited.put("approvers", Map.of("bonus", List.of("TENANT_ADMIN"), "task", ROLES));
        Map<String, Object> stored = new LinkedHashMap<>(overrides);
        stored.put("rules", List.of("r1"));
        Map<String, Object> effective = new LinkedHashMap<>(inherited);
        effective.put("rules", List.of("r1"));
        effective.put("approvers", Map.of("bonus", List.of("TENANT_ADMIN"), "task", List.of("TENANT_ADMIN")));
        return new PluginView("points", LocalizedText.of("积分", "Points"), LocalizedText.of("", ""), "1", true, true,
                effective, stored, inherited, null, List.of(maxPoints, rules, approvers), List.of(), Set.of(), Set.of(),
                List.of());
    }
}
