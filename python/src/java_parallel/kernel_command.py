"""The kernel's java command line: JVM options, class path and main class, from the files both install.sh and
the pip package's launcher use (jvm-options.txt, classpath-first.txt and the build's spark-jvm-options)."""
from __future__ import annotations

import fnmatch
import os
from typing import List, Sequence

PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
MAIN_CLASS = "org.javaparallel.kernel.KernelMain"


def read_lines(path: str) -> List[str]:
    """The file's lines without blank lines and # comments."""
    with open(path, encoding="utf-8") as lines:
        return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def jvm_options(spark_options_file: str, spark_conf_dir: str) -> List[str]:
    options = read_lines(os.path.join(PACKAGE_DIR, "jvm-options.txt")) + read_lines(spark_options_file)
    log4j = os.path.join(spark_conf_dir, "log4j2.properties")
    if os.path.isfile(log4j):
        # Spark logs through log4j2 from the kernel's first moments: the course configuration (warnings and
        # errors only, to the kernel's stderr) must be set before anything logs
        options.append("-Dlog4j2.configurationFile=" + log4j)
    return options


def class_path(lib_dir: str, separator: str = os.pathsep) -> str:
    """Every jar in lib_dir, those of classpath-first.txt first, joined with the platform's separator."""
    jars = sorted(name for name in os.listdir(lib_dir) if name.endswith(".jar"))
    first = [jar for pattern in read_lines(os.path.join(PACKAGE_DIR, "classpath-first.txt"))
             for jar in jars if fnmatch.fnmatchcase(jar, pattern)]
    ordered = list(dict.fromkeys(first + jars))
    return separator.join(os.path.join(lib_dir, jar) for jar in ordered)


def kernel_argv(java: str, options: Sequence[str], classpath: str, connection_file: str) -> List[str]:
    return [java, *options, "-cp", classpath, MAIN_CLASS, connection_file]
