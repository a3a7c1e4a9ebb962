#!/usr/bin/python3
"""Writes the kernel's application class-data-sharing (CDS) archive: starts the installed kernel once, with
-XX:ArchiveClassesAtExit added to its kernelspec's java options, runs a few cells of the kinds a notebook starts
with (so that the classes of JShell's first compile are in the archive), and shuts it down cleanly, which is
when the JVM writes the archive.

Usage: train-archive.py KERNELSPEC_DIR ARCHIVE
Exit status 0 when ARCHIVE was written; otherwise a message on stderr says why.
"""
import json
import os
import shutil
import sys
import tempfile

from jupyter_client.manager import KernelManager

CELLS = [
    "import java.util.*;\nimport java.util.stream.*;",
    "1+1",
    "int square(int x) { return x * x; }\nsquare(12)",
    "%time IntStream.range(0, 1000).map(x -> square(x)).sum()",
    "%backend threads 2",
    "Pools.current().map(x -> square(x), List.of(1, 2, 3, 4))",
    'String text = "a b c";\nSystem.out.println(Arrays.stream(text.split(" ")).collect(Collectors.toList()));',
]
TIMEOUT_S = 60


def run(client, code):
    reply = client.execute_interactive(code, timeout=TIMEOUT_S, output_hook=lambda message: None)
    if reply["content"]["status"] != "ok":
        raise RuntimeError("the training cell failed: %r: %s" % (code, reply["content"].get("evalue")))


def main():
    kernelspec_dir, archive = sys.argv[1], os.path.abspath(sys.argv[2])
    with open(os.path.join(kernelspec_dir, "kernel.json")) as f:
        spec = json.load(f)
    # cds*=error: the dump lists, as warnings, every class it leaves out (ASM's pre-Java-6 classes and the like)
    spec["argv"][1:1] = ["-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds*=error"]
    spec["display_name"] += " (CDS training)"
    scratch = tempfile.mkdtemp(prefix="java-parallel-cds-")
    try:
        training_dir = os.path.join(scratch, "kernels", "java-parallel-cds-training")
        os.makedirs(training_dir)
        with open(os.path.join(training_dir, "kernel.json"), "w") as f:
            json.dump(spec, f)
        os.environ["JUPYTER_PATH"] = scratch
        os.environ["JUPYTER_RUNTIME_DIR"] = scratch
        manager = KernelManager(kernel_name="java-parallel-cds-training")
        # the JVM writes the archive while it exits, which takes seconds on a busy machine: jupyter_client's
        # default 5 s before it kills a kernel that has not exited left no archive
        manager.shutdown_wait_time = TIMEOUT_S
        manager.start_kernel()
        try:
            client = manager.client()
            client.start_channels()
            client.wait_for_ready(timeout=TIMEOUT_S)
            for cell in CELLS:
                run(client, cell)
            client.complete("Strin", 5, reply=True, timeout=TIMEOUT_S)
            client.stop_channels()
        finally:
            # a shutdown_request lets the JVM exit normally, which is when it writes the archive
            manager.shutdown_kernel(now=False)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if not os.path.isfile(archive):
        sys.exit("the kernel ended without writing %s" % archive)


if __name__ == "__main__":
    try:
        main()
    except Exception as failure:  # the caller shows this line; a traceback would bury it
        sys.exit("CDS training failed: %s: %s" % (type(failure).__name__, failure))
