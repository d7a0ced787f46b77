package io.chatprep.job.config;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Finds the text of {@code --config LOCATION}. A location with a scheme ({@code file:}, {@code hdfs:}, {@code s3a:},
 * ...) is read through Hadoop's FileSystem. Any other path is read from the local disk, relative to the working
 * directory. A bare name that is not there is looked for among the files spark-submit shipped with {@code --files},
 * which each cluster manager hands the driver differently in cluster deploy mode: YARN puts them in the driver's
 * working directory, a running SparkContext holds them under {@link SparkFiles} and, before any context exists,
 * standalone and Kubernetes drivers have their locations in {@code spark.files} (a standalone driver, the paths the
 * submitter gave; a Kubernetes driver, where spark-submit uploaded them).
 */
public final class ConfigLocation {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    /** The properties that list shipped files, with YARN's own (its {@code --files} may rename: {@code file#name}). */
    private static final List<String> SHIPPED = List.of("spark.files", "spark.yarn.dist.files");

    private ConfigLocation() {
    }

    /** A configuration's text and where it was found. */
    public record Found(String where, String text) {
    }

    public static Found read(String location) {
        return read(location, Path.of("").toAbsolutePath(), System.getProperties(), sparkFilesDirectory());
    }

    static Found read(String location, Path workingDir, Properties system, Path sparkFiles) {
        if (SCHEME.matcher(location).matches()) {
            Found found = hadoop(location, system);
            if (found == null) {
                throw new ConfigException("config file not found: " + location);
            }
            return found;
        }
        Path local = workingDir.resolve(location);
        if (Files.isRegularFile(local)) {
            return new Found(local.toString(), readLocal(local));
        }
        boolean bareName = !location.contains("/") && !location.isEmpty();
        if (!bareName) {
            throw new ConfigException("config file not found: " + local);
        }
        if (sparkFiles != null && Files.isRegularFile(sparkFiles.resolve(location))) {
            Path shipped = sparkFiles.resolve(location);
            return new Found(shipped.toString(), readLocal(shipped));
        }
        for (String candidate : shipped(location, system)) {
            Found found = hadoop(candidate, system);
            if (found != null) {
                return found;
            }
        }
        throw new ConfigException("config file not found: " + location + " (not in the working directory " + workingDir
                + ", nor among the files shipped with --files" + (sparkFiles != null || !shipped(location, system).isEmpty()
                ? "" : ": none were") + ")");
    }

    /** The shipped files called {@code name}, as listed in spark-submit's properties. */
    static List<String> shipped(String name, Properties system) {
        List<String> out = new ArrayList<>();
        for (String key : SHIPPED) {
            String list = system.getProperty(key, "");
            for (String entry : list.split(",")) {
                String file = entry.trim();
                if (file.isEmpty()) {
                    continue;
                }
                int hash = file.indexOf('#');
                String shippedAs = hash >= 0 ? file.substring(hash + 1) : file.substring(file.lastIndexOf('/') + 1);
                if (shippedAs.equals(name)) {
                    out.add(hash >= 0 ? file.substring(0, hash) : file);
                }
            }
        }
        return out;
    }

    private static Found hadoop(String location, Properties system) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
        try {
            FileSystem fs = path.getFileSystem(hadoopConfiguration(system));
            if (!fs.isFile(path)) {
                return null;
            }
            try (InputStream in = fs.open(path)) {
                return new Found(fs.makeQualified(path).toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + location + ": " + e.getMessage(), e);
        }
    }

    /** Hadoop's defaults plus the {@code spark.hadoop.*} settings spark-submit passed (credentials, endpoints). */
    public static Configuration hadoopConfiguration(Properties system) {
        Configuration conf = new Configuration();
        for (String key : system.stringPropertyNames()) {
            if (key.startsWith("spark.hadoop.")) {
                conf.set(key.substring("spark.hadoop.".length()), system.getProperty(key));
            }
        }
        return conf;
    }

    private static String readLocal(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Where a running SparkContext keeps the files added to it, or null when this JVM has none. */
    private static Path sparkFilesDirectory() {
        return SparkEnv.get() == null ? null : Path.of(SparkFiles.getRootDirectory());
    }
}
