package org.javaparallel.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * The jars cells compile against from the start: the kernel's own API, Spark's Java and SQL API with what its
 * signatures name (Scala's library, catalyst), MLlib, XChart for plots, and the GPU module with Aparapi (whose
 * Kernel its functions extend). Spark's other dependencies are
 * compiled against once a cell names one of their packages ({@link org.javaparallel.eval.CompileClassPath}).
 */
public final class CellApiJars {
    private static final List<String> FILE_NAME_PREFIXES = List.of(
            "java-parallel-", "jjava-jupyter",
            "spark-core_", "spark-sql_", "spark-sql-api_", "spark-catalyst_", "spark-common-utils",
            "spark-mllib", "spark-unsafe_", "spark-tags_", "spark-sketch_", "spark-launcher_",
            "scala-library-", "scala-reflect-",
            "xchart-", "VectorGraphics2D-", "graphics2d-", "pdfbox-", "fontbox-", "animated-gif-lib-",
            "java-parallel-gpu-", "aparapi-");

    private CellApiJars() {
    }

    public static boolean contains(Path jar) {
        String name = jar.getFileName().toString();
        return FILE_NAME_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
