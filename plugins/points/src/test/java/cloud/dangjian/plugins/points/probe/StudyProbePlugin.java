package cloud.dangjian.plugins.points.probe;

import cloud.dangjian.core.plugin.spi.DangjianPlugin;
import cloud.dangjian.core.plugin.spi.PluginDescriptor;
import cloud.dangjian.core.plugin.spi.Setting;

/**
 * A plugin that exists only in these tests and publishes {@code study-probe.article-read} with a {@code memberId}, the
 * way the learning centre will publish its events: what the automatic points rules of the tests name.
 */
@jakarta.enterprise.context.ApplicationScoped
public class StudyProbePlugin implements DangjianPlugin<StudyProbePlugin.ProbeConfig> {

    public static final String ID = "study-probe";
    public static final String ARTICLE_READ = "study-probe.article-read";

    /** The probe's (unused) configuration. */
    public record ProbeConfig(@Setting(zhCN = "说明", en = "Note") String note) {
    }

    public static final PluginDescriptor<ProbeConfig> DESCRIPTOR = PluginDescriptor.builder(ID, ProbeConfig.class)
            .name("学习探针", "Study probe").defaults(() -> new ProbeConfig("")).publishes(ARTICLE_READ).build();

    @Override
    public PluginDescriptor<ProbeConfig> descriptor() {
        return DESCRIPTOR;
    }
}
