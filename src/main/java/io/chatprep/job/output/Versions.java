package io.chatprep.job.output;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of chatprep and the libraries that decide its output, for the manifest. */
public final class Versions {
    private Versions() {
    }

    public static Map<String, String> all() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("chatprep", orUnknown(Versions.class.getPackage().getImplementationVersion(),
                mavenVersion("io.chatprep", "chatprep")));
        v.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        v.put("jinjava", mavenVersion("com.hubspot.jinjava", "jinjava"));
        v.put("djl_tokenizers", orUnknown(
                ai.djl.huggingface.tokenizers.HuggingFaceTokenizer.class.getPackage().getSpecificationVersion(), null));
        v.put("java", System.getProperty("java.version"));
        return v;
    }

    private static String mavenVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Versions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String orUnknown(String value, String fallback) {
        if (value != null) {
            return value;
        }
        return fallback != null ? fallback : "unknown";
    }
}
