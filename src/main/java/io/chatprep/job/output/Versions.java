package io.chatprep.job.output;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of chatprep and the libraries that decide its output, as loaded in this JVM, for the manifest. */
public final class Versions {
    private static final Properties BUILD = buildProperties();

    private Versions() {
    }

    public static Map<String, String> all() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("chatprep", first(Versions.class.getPackage().getImplementationVersion(), BUILD.getProperty("chatprep")));
        // The Spark and Scala of the running cluster, which may differ from those the jar was built against.
        v.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        v.put("scala", scala.util.Properties.versionNumberString());
        v.put("jinjava", first(mavenVersion("com.hubspot.jinjava", "jinjava"), BUILD.getProperty("jinjava")));
        // DJL's own jar names its version in its manifest; inside the shaded jar only the build knows it.
        v.put("djl_tokenizers", first(
                ai.djl.huggingface.tokenizers.HuggingFaceTokenizer.class.getPackage().getSpecificationVersion(),
                BUILD.getProperty("djl_tokenizers")));
        v.put("java", System.getProperty("java.version"));
        return v;
    }

    private static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/io/chatprep/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Versions are informative: a jar without the file reports them as unknown.
        }
        return p;
    }

    private static String mavenVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Versions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }

    private static String first(String value, String fallback) {
        if (value != null && !value.startsWith("$")) {
            return value;
        }
        return fallback != null && !fallback.startsWith("$") ? fallback : "unknown";
    }
}
