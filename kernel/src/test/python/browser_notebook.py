#!/usr/bin/python3
"""Runs one cell of a new notebook on a kernel in the classic Jupyter Notebook, in headless Chromium.

Starts its own notebook server on 127.0.0.1 (config, data and runtime folders come from the environment),
writes a notebook with the given code in --dir, opens it with Selenium, runs it and waits until the
expected texts are in the cell's output. Writes {"kernel": ..., "output": ...} to --result. Exits non-zero
with the reason on stderr when the text does not appear in time. Stops the browser, kernel and server.
"""
import argparse
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request

import nbformat
from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(condition, timeout, what):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.25)
    raise TimeoutError(f"gave up after {timeout} s waiting for {what}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--kernel", default="java-parallel")
    parser.add_argument("--code", required=True)
    parser.add_argument("--expect", required=True, action="append", help="text the output must contain (repeatable)")
    parser.add_argument("--result", required=True, help="file for the JSON result")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--screenshot")
    args = parser.parse_args()

    notebook = nbformat.v4.new_notebook()
    notebook.metadata = {"kernelspec": {"name": args.kernel, "display_name": args.kernel}}
    notebook.cells = [nbformat.v4.new_code_cell(args.code)]
    nbformat.write(notebook, os.path.join(args.dir, "browser.ipynb"))

    port, token = free_port(), secrets.token_hex(16)
    base = f"http://127.0.0.1:{port}"
    server_log = open(os.path.join(args.dir, "notebook-server.log"), "wb")
    server = subprocess.Popen(
        ["jupyter", "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={port}", "--port-retries=0",
         "--allow-root", f"--NotebookApp.token={token}", f"--notebook-dir={args.dir}"],
        stdout=server_log, stderr=subprocess.STDOUT)
    driver = None
    try:
        def server_up():
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    return True
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError(f"the notebook server exited with {server.returncode}")
                return False

        wait_for(server_up, 60, "the notebook server")

        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--window-size=1280,800",
                     f"--user-data-dir={os.path.join(args.dir, 'chromium-profile')}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        driver.get(f"{base}/notebooks/browser.ipynb?token={token}")

        wait_for(lambda: driver.execute_script(
            "return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded"
            " && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected())"),
            args.timeout, "the notebook to load and its kernel to connect")
        kernel = driver.execute_script("return Jupyter.notebook.kernel.name")
        driver.execute_script("Jupyter.notebook.execute_all_cells()")

        def output_text():
            text = driver.execute_script(
                "return Array.from(document.querySelectorAll('.output_area .output_subarea'))"
                ".map(e => e.innerText).join('\\n')")
            return text if all(expected in text for expected in args.expect) else None

        try:
            output = wait_for(output_text, args.timeout, f"{args.expect!r} in the cell's output")
        finally:
            if args.screenshot:
                driver.save_screenshot(args.screenshot)
        with open(args.result, "w") as result:
            json.dump({"kernel": kernel, "output": output}, result)
    finally:
        if driver is not None:
            driver.quit()
        try:  # shut the kernels down through the server before stopping it
            request = urllib.request.Request(f"{base}/api/sessions?token={token}")
            with urllib.request.urlopen(request, timeout=5) as response:
                sessions = json.load(response)
            for session in sessions:
                urllib.request.urlopen(urllib.request.Request(
                    f"{base}/api/sessions/{session['id']}?token={token}", method="DELETE"), timeout=30)
        except OSError as e:
            print(f"could not delete the sessions: {e}", file=sys.stderr)
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()
