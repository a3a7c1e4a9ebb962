package org.javaparallel.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkSettingsTest {
    @TempDir
    Path dir;

    @Test
    void readsDefaultsFromTheConfDirectoryAndLetsUserSettingsWin() throws IOException {
        Files.writeString(dir.resolve("spark-defaults.conf"), """
                # comment
                spark.master                 spark://127.0.0.1:7077
                spark.sql.shuffle.partitions   8
                """);
        SparkSettings settings = SparkSettings.of(Optional.of(dir));
        assertEquals("spark://127.0.0.1:7077", settings.master());
        assertEquals("8", settings.effective().get("spark.sql.shuffle.partitions"));

        settings.set("spark.master", "local[2]");
        assertEquals("local[2]", settings.master());
        assertEquals(Optional.of(dir.toAbsolutePath()), settings.directory());
    }

    @Test
    void theClusterJobScriptIsTheInstalledSparkHomesNotTheConfCopys() throws IOException {
        // install.sh's layout: <prefix>/share/java-parallel/{spark-conf, spark-home/{jars, conf -> ../spark-conf}}
        Path share = dir.resolve("share/java-parallel");
        Path conf = Files.createDirectories(share.resolve("spark-conf/slurm"));
        Files.writeString(conf.resolveSibling("spark-defaults.conf"), "spark.serializer x\n");
        Files.writeString(conf.resolve("spark-cluster.sbatch"), "#!/bin/bash\n");
        Files.createDirectories(share.resolve("spark-home/jars"));
        Files.createSymbolicLink(share.resolve("spark-home/conf"), share.resolve("spark-conf"));

        assertEquals(Optional.of(share.resolve("spark-home/conf/slurm/spark-cluster.sbatch").toAbsolutePath()),
                SparkSettings.of(Optional.of(share.resolve("spark-conf"))).clusterJobScript());
        assertEquals(Optional.empty(), SparkSettings.of(Optional.of(dir.resolve("elsewhere"))).clusterJobScript());
    }

    @Test
    void withoutAFileTheMasterIsLocal() {
        SparkSettings settings = SparkSettings.of(Optional.of(dir.resolve("missing")));
        assertEquals(SparkSettings.DEFAULT_MASTER, settings.master());
        assertTrue(settings.defaultsFile().isEmpty());
    }

    @Test
    void rejectsANameThatIsNotASettingName() {
        SparkSettings settings = SparkSettings.of(Optional.empty());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> settings.set("spark executor memory", "2g"));
        assertTrue(error.getMessage().contains("%spark conf key=value"), error.getMessage());
    }

    @Test
    void refusesJava23AndLaterNamingTheReason() {
        JavaVersionCheck.requireSupported(17);
        JavaVersionCheck.requireSupported(21);
        SparkStartException error = assertThrows(SparkStartException.class, () -> JavaVersionCheck.requireSupported(25));
        assertTrue(error.getMessage().contains("Subject.getSubject") && error.getMessage().contains("Java 17"),
                error.getMessage());
    }
}
