"""Puts the Maven build's output into the wheel: kernel/target's jars as java_parallel/lib, Spark's module
options, and the spark-conf files the kernel reads on a laptop (spark-defaults.conf, log4j2.properties).
The cluster scripts of spark-conf/ stay out: they are Linux-only and run from a clone."""
import os

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SPARK_CONF_FILES = ("spark-defaults.conf", "log4j2.properties")


class KernelJarsHook(BuildHookInterface):
    def initialize(self, version, build_data):
        project = os.path.dirname(os.path.abspath(self.root))
        target = os.path.join(project, "kernel", "target")
        kernel_jar = os.path.join(target, "java-parallel-kernel.jar")
        spark_options = os.path.join(target, "spark-jvm-options")
        if not (os.path.isfile(kernel_jar) and os.path.isfile(spark_options)):
            raise RuntimeError("no kernel build in %s: run `./mvnw -q -B -DskipTests package` in %s first"
                               % (target, project))
        include = build_data["force_include"]
        include[kernel_jar] = "java_parallel/lib/java-parallel-kernel.jar"
        include[os.path.join(target, "lib")] = "java_parallel/lib"
        include[spark_options] = "java_parallel/spark-jvm-options"
        for name in SPARK_CONF_FILES:
            include[os.path.join(project, "spark-conf", name)] = "java_parallel/spark-conf/" + name
