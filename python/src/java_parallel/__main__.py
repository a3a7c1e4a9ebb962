"""python -m java_parallel {install,launch,find-jdk,jvm-options,class-path}: see --help of each.

find-jdk, jvm-options and class-path are what install.sh asks (from the source tree, with PYTHONPATH set), so
that the install from a clone and the pip install start the kernel the same way."""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile

from . import jdk
from .kernel_command import PACKAGE_DIR, class_path, jvm_options, kernel_argv

KERNEL_NAME = "java-parallel"
# install --java-home stores the choice in the kernelspec's env; the launcher then uses that JDK or fails
JAVA_HOME_VARIABLE = "JAVA_PARALLEL_JAVA_HOME"
SPARK_CONF_DIR = os.path.join(PACKAGE_DIR, "spark-conf")


def note(message: str) -> None:
    print("java_parallel: " + message, file=sys.stderr)


def find_jdk(allow_newer: bool, java_home: str | None) -> jdk.Jdk:
    return jdk.choose(platform.system(), dict(os.environ), allow_newer, note, java_home=java_home)


def kernelspec(java_home: str | None) -> dict:
    spec = {
        "argv": [sys.executable, "-m", "java_parallel", "launch", "-f", "{connection_file}"],
        "display_name": "Java (parallel)",
        "language": "java",
        "interrupt_mode": "message",
        "metadata": {"debugger": True},
    }
    if java_home:
        spec["env"] = {JAVA_HOME_VARIABLE: os.path.abspath(java_home)}
    return spec


def install(args: argparse.Namespace) -> None:
    from jupyter_client.kernelspec import KernelSpecManager

    try:
        chosen = find_jdk(allow_newer=True, java_home=args.java_home)
        note("the kernel will start on JDK %d at %s (looked up again at each start)" % chosen)
    except jdk.NoUsableJdk as missing:
        if args.java_home:
            sys.exit("java_parallel: " + str(missing))
        note("installing anyway, but the kernel cannot start until a JDK is found: %s" % missing)
    with tempfile.TemporaryDirectory() as staging:
        with open(os.path.join(staging, "kernel.json"), "w", encoding="utf-8") as spec_file:
            json.dump(kernelspec(args.java_home), spec_file, indent=2)
        prefix = sys.prefix if args.sys_prefix else args.prefix
        destination = KernelSpecManager().install_kernel_spec(staging, KERNEL_NAME, user=args.user, prefix=prefix)
    print("Installed the kernelspec %s in %s" % (KERNEL_NAME, destination))


def launch(args: argparse.Namespace) -> None:
    try:
        chosen = find_jdk(allow_newer=True, java_home=os.environ.get(JAVA_HOME_VARIABLE))
    except jdk.NoUsableJdk as missing:
        sys.exit("java_parallel: " + str(missing))
    lib_dir = os.path.join(PACKAGE_DIR, "lib")
    options = jvm_options(os.path.join(PACKAGE_DIR, "spark-jvm-options"), SPARK_CONF_DIR)
    argv = kernel_argv(jdk.java_executable(chosen.home, platform.system()), options, class_path(lib_dir),
                       args.connection_file)
    env = dict(os.environ, JAVA_PARALLEL_HOME=PACKAGE_DIR, JAVA_PARALLEL_SPARK_CONF=SPARK_CONF_DIR)
    if os.name == "nt":
        # Windows has no exec: the launcher waits and passes the exit code on; the kernel ends itself when
        # Jupyter (JPY_PARENT_PID) ends, and interrupts come as messages, so no signal has to reach it
        sys.exit(subprocess.call(argv, env=env))
    # the JVM replaces this process: Jupyter's signals and its kill reach the kernel itself
    os.execve(argv[0], argv, env)


def print_jdk(args: argparse.Namespace) -> None:
    try:
        chosen = find_jdk(args.allow_newer, args.java_home)
    except jdk.NoUsableJdk as missing:
        sys.exit("java_parallel: " + str(missing))
    print("%d\t%s" % chosen)


def print_jvm_options(args: argparse.Namespace) -> None:
    print("\n".join(jvm_options(args.spark_options, args.spark_conf)))


def print_class_path(args: argparse.Namespace) -> None:
    print(class_path(args.lib))


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m java_parallel", description=__doc__.splitlines()[0])
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    install_command = commands.add_parser("install", help="install the kernelspec, as ipykernel's install does")
    where = install_command.add_mutually_exclusive_group()
    where.add_argument("--user", action="store_true", help="into your user's Jupyter data directory")
    where.add_argument("--sys-prefix", action="store_true",
                       help="into this Python environment (the venv or conda environment that runs Jupyter)")
    where.add_argument("--prefix", metavar="DIR", help="into DIR/share/jupyter/kernels")
    install_command.add_argument("--java-home", metavar="DIR",
                                 help="always start the kernel on the JDK in DIR instead of searching for one")
    install_command.set_defaults(run=install)

    launch_command = commands.add_parser("launch", help="start the kernel (what the kernelspec runs)")
    launch_command.add_argument("-f", dest="connection_file", required=True, help="Jupyter's connection file")
    launch_command.set_defaults(run=launch)

    jdk_command = commands.add_parser("find-jdk", help="print the JDK the kernel would use: VERSION<tab>HOME")
    jdk_command.add_argument("--java-home", metavar="DIR", help="check this JDK instead of searching")
    jdk_command.add_argument("--allow-newer", action="store_true", help="accept a JDK 23+ (no Spark) with a warning")
    jdk_command.set_defaults(run=print_jdk)

    options_command = commands.add_parser("jvm-options", help="print the kernel's JVM options, one a line")
    options_command.add_argument("--spark-options", required=True, metavar="FILE",
                                 help="Spark's module options, as the build wrote them")
    options_command.add_argument("--spark-conf", required=True, metavar="DIR", help="the spark-conf directory")
    options_command.set_defaults(run=print_jvm_options)

    class_path_command = commands.add_parser("class-path", help="print the kernel's class path")
    class_path_command.add_argument("--lib", required=True, metavar="DIR", help="the directory of the jars")
    class_path_command.set_defaults(run=print_class_path)
    return top


def main() -> None:
    args = parser().parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
