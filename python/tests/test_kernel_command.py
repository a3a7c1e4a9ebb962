"""The kernel's command line as the launcher and install.sh build it, with either platform's separator."""
import os
import tempfile
import unittest

from java_parallel import kernel_command


class KernelCommand(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.lib = os.path.join(self.tmp.name, "lib")
        os.makedirs(self.lib)
        for jar in ("spark-core_2.13-4.1.0.jar", "gson-2.11.0.jar", "java-parallel-kernel.jar", "zstd-jni-1.5.jar",
                    "java-parallel-core-0.1.0.jar", "README.txt"):
            open(os.path.join(self.lib, jar), "w").close()

    def tearDown(self):
        self.tmp.cleanup()

    def test_windows_class_path_uses_semicolons_and_puts_the_start_up_jars_first(self):
        entries = kernel_command.class_path(self.lib, separator=";").split(";")
        self.assertEqual(["java-parallel-kernel.jar", "java-parallel-core-0.1.0.jar", "gson-2.11.0.jar",
                          "spark-core_2.13-4.1.0.jar", "zstd-jni-1.5.jar"], [os.path.basename(e) for e in entries])
        self.assertEqual(os.path.join(self.lib, "java-parallel-kernel.jar"), entries[0])

    def test_default_separator_is_the_platforms(self):
        self.assertEqual(5, len(kernel_command.class_path(self.lib).split(os.pathsep)))

    def test_options_are_the_shared_ones_then_sparks_then_the_log_configuration(self):
        spark_options = os.path.join(self.tmp.name, "spark-jvm-options")
        with open(spark_options, "w") as options:
            options.write("-XX:+IgnoreUnrecognizedVMOptions\n--add-opens=java.base/java.lang=ALL-UNNAMED\n\n")
        conf = os.path.join(self.tmp.name, "spark-conf")
        os.makedirs(conf)
        open(os.path.join(conf, "log4j2.properties"), "w").close()

        options = kernel_command.jvm_options(spark_options, conf)
        self.assertEqual("-Xss8m", options[0])
        self.assertNotIn("", options)
        self.assertFalse(any(option.startswith("#") for option in options))
        self.assertEqual(["-XX:+IgnoreUnrecognizedVMOptions", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                          "-Dlog4j2.configurationFile=" + os.path.join(conf, "log4j2.properties")], options[-3:])

    def test_argv_ends_with_class_path_main_class_and_connection_file(self):
        argv = kernel_command.kernel_argv("/jdk/bin/java", ["-Xss8m"], "a.jar;b.jar", "kernel-1.json")
        self.assertEqual(["/jdk/bin/java", "-Xss8m", "-cp", "a.jar;b.jar", "org.javaparallel.kernel.KernelMain",
                          "kernel-1.json"], argv)


if __name__ == "__main__":
    unittest.main()
