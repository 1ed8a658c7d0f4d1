package cloud.dangjian.core.tenantconfig.file;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML file as plain maps, lists and scalars, remembering the line of every value so that each error can point at
 * it. Reads every field through methods that record what is wrong instead of throwing, so a file is refused with all
 * its errors at once.
 */
public final class YamlDocument {

    private final String file;
    private final Map<String, Integer> lines = new HashMap<>();
    private final List<ConfigError> errors;
    private Map<String, Object> root = Map.of();

    private YamlDocument(String file, List<ConfigError> errors) {
        this.file = file;
        this.errors = errors;
    }

    /** Parses a file; syntax errors are added to {@code errors} with their line. */
    public static YamlDocument parse(String file, String text, List<ConfigError> errors) {
        YamlDocument document = new YamlDocument(file, errors);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        try {
            Node node = new Yaml(options).compose(new StringReader(text));
            if (node == null) {
                document.error("", null, "the file is empty");
            } else if (node instanceof MappingNode mapping) {
                document.root = document.mapping(mapping, "");
            } else {
                document.error("", node, "must be a mapping of settings (key: value)");
            }
        } catch (MarkedYAMLException e) {
            Integer line = e.getProblemMark() == null ? null : e.getProblemMark().getLine() + 1;
            errors.add(new ConfigError(file, line, null, "is not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            errors.add(new ConfigError(file, null, null, "is not valid YAML: " + e.getMessage()));
        }
        return document;
    }

    public String file() {
        return file;
    }

    public boolean has(String path) {
        return lines.containsKey(path);
    }

    /** The line of a value, or of the nearest enclosing one that exists. */
    public Integer lineOf(String path) {
        String probe = path;
        while (true) {
            Integer line = lines.get(probe);
            if (line != null || probe.isEmpty()) {
                return line;
            }
            int dot = probe.lastIndexOf('.');
            probe = dot < 0 ? "" : probe.substring(0, dot);
        }
    }

    public void error(String path, String reason) {
        errors.add(new ConfigError(file, lineOf(path), path.isEmpty() ? null : path, reason));
    }

    public Object get(String path) {
        Object current = root;
        if (path.isEmpty()) {
            return current;
        }
        for (String segment : path.split("\\.")) {
            int bracket = segment.indexOf('[');
            String key = bracket < 0 ? segment : segment.substring(0, bracket);
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
            if (bracket >= 0) {
                int index = Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1));
                if (!(current instanceof List<?> list) || index >= list.size()) {
                    return null;
                }
                current = list.get(index);
            }
        }
        return current;
    }

    /** Refuses keys of a mapping other than those allowed, naming each. */
    public void allowOnly(String path, Set<String> keys) {
        if (get(path) instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!keys.contains(key)) {
                    error(join(path, key.toString()), "is not a known setting here; known: " + keys);
                }
            }
        }
    }

    public String text(String path, boolean required) {
        Object value = get(path);
        if (value == null) {
            if (required) {
                error(path, "is required");
            }
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            error(path, "must be a single value");
            return null;
        }
        return value.toString();
    }

    public Integer integer(String path, boolean required) {
        String value = text(path, required);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            error(path, "must be a whole number, not '" + value + "'");
            return null;
        }
    }

    public Boolean bool(String path, boolean required) {
        String value = text(path, required);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            error(path, "must be true or false, not '" + value + "'");
            return null;
        }
        return Boolean.valueOf(value);
    }

    public <E extends Enum<E>> E choice(String path, Class<E> type, boolean required) {
        String value = text(path, required);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase());
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            error(path, "must be one of " + names + ", not '" + value + "'");
            return null;
        }
    }

    public List<String> texts(String path) {
        Object value = get(path);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            error(path, "must be a list");
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map || item instanceof List || item == null) {
                error(path, "must be a list of single values");
                return List.of();
            }
            texts.add(item.toString());
        }
        return texts;
    }

    /** A mapping's keys, in file order; empty when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> mapping(String path) {
        Object value = get(path);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            error(path, "must be a mapping of settings (key: value)");
            return Map.of();
        }
        return (Map<String, Object>) value;
    }

    /** The items of a list of mappings, each addressed as {@code path[i]}. */
    public int listSize(String path) {
        Object value = get(path);
        if (value == null) {
            return 0;
        }
        if (!(value instanceof List<?> list)) {
            error(path, "must be a list");
            return 0;
        }
        return list.size();
    }

    private Map<String, Object> mapping(MappingNode node, String path) {
        Map<String, Object> map = new LinkedHashMap<>();
        lines.put(path, node.getStartMark().getLine() + 1);
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                error(path, tuple.getKeyNode(), "keys must be plain names");
                continue;
            }
            String childPath = join(path, key.getValue());
            lines.put(childPath, key.getStartMark().getLine() + 1);
            map.put(key.getValue(), value(tuple.getValueNode(), childPath));
        }
        return map;
    }

    private Object value(Node node, String path) {
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = mapping(mapping, path);
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            int index = 0;
            for (Node item : sequence.getValue()) {
                String itemPath = path + "[" + index++ + "]";
                lines.put(itemPath, item.getStartMark().getLine() + 1);
                list.add(value(item, itemPath));
            }
            return list;
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.INT.equals(tag)) {
            try {
                // As Jackson reads JSON: an int when it fits, so settings from a file equal those read back from
                // the database.
                long value = Long.parseLong(scalar.getValue().replace("_", ""));
                return value == (int) value ? Integer.valueOf((int) value) : Long.valueOf(value);
            } catch (NumberFormatException e) {
                return scalar.getValue();
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            return Double.valueOf(scalar.getValue());
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.valueOf(scalar.getValue());
        }
        return scalar.getValue();
    }

    private void error(String path, Node node, String reason) {
        errors.add(new ConfigError(file, node == null ? null : node.getStartMark().getLine() + 1,
                path.isEmpty() ? null : path, reason));
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
