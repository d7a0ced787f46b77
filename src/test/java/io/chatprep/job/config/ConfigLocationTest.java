package io.chatprep.job.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where --config finds its file: Hadoop paths, the working directory, and the places --files ends up. */
class ConfigLocationTest {
    @TempDir
    Path dir;

    private Path write(String relative, String text) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aPathWithASchemeIsReadThroughHadoop() throws Exception {
        Path conf = write("remote/job.yaml", "max_length: 7\n");
        ConfigLocation.Found found = ConfigLocation.read(conf.toUri().toString(), dir.resolve("elsewhere"),
                new Properties(), null);
        assertEquals("max_length: 7\n", found.text());
        assertTrue(found.where().startsWith("file:/"), found.where());
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLocation.read(
                dir.resolve("remote/missing.yaml").toUri().toString(), dir, new Properties(), null));
        assertEquals("config file not found: " + dir.resolve("remote/missing.yaml").toUri(), e.getMessage());
    }

    @Test
    void aBareNameIsLookedForInTheWorkingDirectoryFirst() throws Exception {
        write("work/job.yaml", "a: working directory\n");
        write("sparkfiles/job.yaml", "a: SparkFiles\n");
        Properties system = new Properties();
        system.setProperty("spark.files", write("shipped/job.yaml", "a: spark.files\n").toUri().toString());
        assertEquals("a: working directory\n",
                ConfigLocation.read("job.yaml", dir.resolve("work"), system, dir.resolve("sparkfiles")).text());
        assertEquals("a: SparkFiles\n",
                ConfigLocation.read("job.yaml", dir.resolve("empty"), system, dir.resolve("sparkfiles")).text());
        assertEquals("a: spark.files\n", ConfigLocation.read("job.yaml", dir.resolve("empty"), system, null).text());
    }

    @Test
    void shippedFilesAreMatchedByNameOrByYarnsAlias() throws Exception {
        Properties system = new Properties();
        Path other = write("a/other.yaml", "a: other\n");
        Path renamed = write("b/long-name.yaml", "a: renamed\n");
        system.setProperty("spark.files", other.toUri() + "," + write("c/job.yaml", "a: plain path\n"));
        system.setProperty("spark.yarn.dist.files", renamed.toUri() + "#conf.yaml");
        assertEquals("a: plain path\n", ConfigLocation.read("job.yaml", dir.resolve("none"), system, null).text());
        assertEquals("a: renamed\n", ConfigLocation.read("conf.yaml", dir.resolve("none"), system, null).text());
        assertEquals("a: other\n", ConfigLocation.read("other.yaml", dir.resolve("none"), system, null).text());
    }

    @Test
    void aMissingFileIsOneLineSayingWhereItWasLookedFor() {
        ConfigException bare = assertThrows(ConfigException.class,
                () -> ConfigLocation.read("job.yaml", dir, new Properties(), null));
        assertEquals("config file not found: job.yaml (not in the working directory " + dir
                + ", nor among the files shipped with --files: none were)", bare.getMessage());
        ConfigException relative = assertThrows(ConfigException.class,
                () -> ConfigLocation.read("conf/job.yaml", dir, new Properties(), null));
        assertEquals("config file not found: " + dir.resolve("conf/job.yaml"), relative.getMessage());
    }

    @Test
    void sparkSubmitsHadoopSettingsReachTheFilesystem() {
        Properties system = new Properties();
        system.setProperty("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9000");
        system.setProperty("spark.executor.memory", "2g");
        var conf = ConfigLocation.hadoopConfiguration(system);
        assertEquals("http://127.0.0.1:9000", conf.get("fs.s3a.endpoint"));
        assertEquals(null, conf.get("executor.memory"));
    }
}
