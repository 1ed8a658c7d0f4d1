package cloud.dangjian.core.tenantconfig.file;

/** Why part of a tenant-config file was refused: the file, the line (when known), the setting and the reason. */
public record ConfigError(String file, Integer line, String field, String reason) {

    @Override
    public String toString() {
        return file + (line == null ? "" : ":" + line) + ": " + (field == null ? "" : field + " ") + reason;
    }
}
