"""A JupyterLab 4 server and headless Debian Chromium (through Playwright) for the tests in this folder.

JupyterLabIT runs these with the lab venv's pytest. The environment it passes:
  LAB_WORK         a fresh folder: the server's root dir and its config, data, runtime and settings folders
  LAB_SCREENSHOTS  where each step's screenshot goes, as <test>-<step>.png
  PROJECT_ROOT     the project's top folder (course notebooks and exports are copied from there)
  JUPYTER_PATH     finds the kernel that InstalledKernel installed (and the JUPYTER_*_DIR of the scratch folder)

One server serves the whole session; each test gets a new browser context on a reset workspace, and its
kernels are shut down when it ends, so a test that fails leaves nothing behind for the next.
"""
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from lab_ui import KERNEL_START_TIMEOUT_MS

CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium tries to reach Google's services; the machine may have no way out.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage"]

WORK = Path(os.environ["LAB_WORK"])
SCREENSHOTS = Path(os.environ["LAB_SCREENSHOTS"])
PROJECT_ROOT = Path(os.environ["PROJECT_ROOT"])
SERVER_ROOT = WORK / "root"

# Settings a user would change once: no pop-up asking about news (it would cover the page); no virtual
# scrolling of notebooks, so that every cell of a long notebook is in the page to be checked; and the console's
# "terminal" interaction mode, whose Enter runs the input only when the kernel says it is complete.
LAB_SETTINGS = {
    "@jupyterlab/console-extension/tracker.jupyterlab-settings": {"interactionMode": "terminal"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    def __init__(self, process, port, token):
        self.process, self.port, self.token = process, port, token
        self.base = f"http://127.0.0.1:{port}"

    def api(self, path, method="GET"):
        request = urllib.request.Request(f"{self.base}/api/{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
            return json.loads(body) if body else None

    def url(self, path):
        return f"{self.base}/{path}?token={self.token}"

    def shut_down_kernels(self):
        """Deletes every session and kernel, and waits until the server lists none (their JVMs are gone)."""
        for session in self.api("sessions"):
            self.api(f"sessions/{session['id']}", method="DELETE")
        for kernel in self.api("kernels"):
            self.api(f"kernels/{kernel['id']}", method="DELETE")
        deadline = time.time() + 60
        while self.api("kernels") and time.time() < deadline:
            time.sleep(0.5)


@pytest.fixture(scope="session")
def lab_server():
    SERVER_ROOT.mkdir(parents=True, exist_ok=True)
    settings = WORK / "lab-settings"
    for name, values in LAB_SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    env = dict(os.environ)
    env["JUPYTERLAB_SETTINGS_DIR"] = str(settings)
    env["JUPYTERLAB_WORKSPACES_DIR"] = str(WORK / "lab-workspaces")
    # kernels inherit the server's environment: the course notebooks run their small experiments
    env["JP_NOTEBOOK_SCALE"] = "small"
    port, token = _free_port(), secrets.token_hex(24)
    log = open(WORK / "jupyter-lab.log", "wb")
    # Only on 127.0.0.1 and only with the token; its own process group, so that teardown reaches the kernels.
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}", "--port-retries=0",
         f"--ServerApp.token={token}", "--allow-root", f"--ServerApp.root_dir={SERVER_ROOT}",
         "--LabApp.news_url="],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    server = LabServer(process, port, token)
    try:
        deadline = time.time() + 120
        while True:
            try:
                server.api("status")
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None:
                    raise RuntimeError(f"jupyter lab exited with {process.returncode}; see {WORK / 'jupyter-lab.log'}")
                if time.time() > deadline:
                    raise TimeoutError("jupyter lab did not answer /api/status within 120 s")
                time.sleep(0.25)
        yield server
    finally:
        try:
            server.shut_down_kernels()
        except OSError as e:
            print(f"could not shut the kernels down through the server: {e}", file=sys.stderr)
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        # Debian's Chromium, never a browser that Playwright downloads; Playwright gives it a fresh profile.
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


class Screenshots:
    def __init__(self, page, test_name):
        self.page, self.test_name = page, test_name

    def take(self, step, of=None):
        """A screenshot of JupyterLab's page, or of another page (a tab the test opened)."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{self.test_name}-{step}.png"
        (of or self.page).screenshot(path=str(path))
        return path


@pytest.fixture
def page(browser, lab_server, request):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        # ?reset: a clean workspace, so that nothing a former test opened is restored
        page.goto(lab_server.url("lab") + "&reset")
        expect(page.locator(".jp-Launcher")).to_be_visible(timeout=KERNEL_START_TIMEOUT_MS)
        page.lab_server = lab_server
        page.screenshots = Screenshots(page, re.sub(r"^test_", "", request.node.name))
        yield page
        if getattr(request.node, "failed", False):
            page.screenshots.take("at-failure")
    finally:
        context.close()
        lab_server.shut_down_kernels()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    # an expected failure (xfail) gets its screenshot too: it shows how far today's kernel gets
    if report.when == "call" and (report.failed or hasattr(report, "wasxfail")):
        item.failed = True
