package cloud.dangjian.core.event;

/** The event types the core itself publishes. */
public final class PlatformEvents {

    /** The prefix of every core event type; plugins publish {@code <plugin-id>.…} instead. */
    public static final String PREFIX = "platform.";

    public static final String PLUGIN_ENABLED = "platform.plugin-enabled";
    public static final String PLUGIN_DISABLED = "platform.plugin-disabled";
    public static final String PLUGIN_CONFIGURED = "platform.plugin-configured";
    public static final String REGION_PLUGIN_DEFAULTS_CHANGED = "platform.region-plugin-defaults-changed";

    private PlatformEvents() {
    }
}
