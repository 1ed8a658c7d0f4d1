package cloud.dangjian.core.tenantconfig.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A folder of tenant-config files: a directory on disk (a Kubernetes ConfigMap, a checkout) or a folder on the
 * classpath (the demo region shipped in the tenant-config module). Names are relative to the folder, with '/'.
 */
public final class ConfigSource {

    private final String description;
    private final TreeMap<String, byte[]> files;

    private ConfigSource(String description, TreeMap<String, byte[]> files) {
        this.description = description;
        this.files = files;
    }

    public static ConfigSource directory(Path root) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the tenant-config directory " + root, e);
        }
        return new ConfigSource(root.toString(), files);
    }

    /** A folder on the classpath, inside a jar or in a build's classes directory. */
    public static ConfigSource classpath(String folder) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        URL url = Thread.currentThread().getContextClassLoader().getResource(prefix);
        if (url == null) {
            throw new IllegalStateException("No folder " + prefix + " on the classpath");
        }
        TreeMap<String, byte[]> files = new TreeMap<>();
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry entry = entries.nextElement();
                        if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                            try (InputStream input = jar.getInputStream(entry)) {
                                files.put(entry.getName().substring(prefix.length()), input.readAllBytes());
                            }
                        }
                    }
                }
                return new ConfigSource("classpath:" + prefix, files);
            }
            return new ConfigSource("classpath:" + prefix, directory(Path.of(url.toURI())).files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One file given directly (an upload through the admin endpoint). */
    public static ConfigSource single(String name, String text) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        files.put(name, text.getBytes(StandardCharsets.UTF_8));
        return new ConfigSource("upload", files);
    }

    public String description() {
        return description;
    }

    /** The YAML files, in name order. */
    public List<String> yamlFiles() {
        List<String> names = new ArrayList<>();
        for (String name : files.keySet()) {
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                names.add(name);
            }
        }
        return names;
    }

    public Optional<byte[]> read(String name) {
        return Optional.ofNullable(files.get(name));
    }

    public String text(String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }

    /** A file named relative to another file's folder. */
    public static String sibling(String file, String name) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? name : file.substring(0, slash + 1) + name;
    }
}
