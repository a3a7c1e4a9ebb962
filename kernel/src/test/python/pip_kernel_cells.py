"""Runs cells on the java-parallel kernel that this Python environment's Jupyter finds, as PipKernelIT's client.

Usage: pip_kernel_cells.py CELL... (run with the venv's python). Prints one JSON object: "resource_dir", where
the kernelspec was found, and "cells", for each cell its status, the text/plain of its result, its stream
output and its error. Uses only jupyter_client, as JupyterLab does.
"""
import json
import sys

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel

TIMEOUT_S = 180


def run(client, code):
    outputs = {"result": None, "stream": "", "error": None}

    def collect(message):
        kind, content = message["msg_type"], message["content"]
        if kind == "execute_result":
            outputs["result"] = content["data"].get("text/plain")
        elif kind == "stream":
            outputs["stream"] += content["text"]
        elif kind == "error":
            outputs["error"] = "%s: %s" % (content["ename"], content["evalue"])

    reply = client.execute_interactive(code, timeout=TIMEOUT_S, output_hook=collect)
    return dict(outputs, code=code, status=reply["content"]["status"])


def main():
    resource_dir = KernelSpecManager().get_kernel_spec("java-parallel").resource_dir
    manager, client = start_new_kernel(kernel_name="java-parallel", startup_timeout=TIMEOUT_S)
    try:
        cells = [run(client, code) for code in sys.argv[1:]]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=False)
    print(json.dumps({"resource_dir": resource_dir, "cells": cells}))


if __name__ == "__main__":
    main()
