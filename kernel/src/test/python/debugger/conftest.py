"""A Jupyter debugger client over jupyter_client, as JupyterLab's debugger drives a kernel: debug_request on the
control channel, debug_event on iopub. The same scenarios run on ipykernel (with debugpy), the reference for the
message shapes, and on the java-parallel kernel."""

import os
import queue
import time

import pytest
from ipykernel.compiler import murmur2_x86
from jupyter_client.manager import KernelManager

TIMEOUT = int(os.environ.get("DEBUGGER_TIMEOUT", "60"))
KERNELS = os.environ.get("DEBUGGER_KERNELS", "python3,java-parallel").split(",")


class DebugClient:
    def __init__(self, kernel_name):
        self.kernel_name = kernel_name
        self.manager = KernelManager(kernel_name=kernel_name)
        self.manager.start_kernel()
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=120)
        self.seq = 0
        self.iopub = []
        self.info = None

    @property
    def java(self):
        return self.kernel_name == "java-parallel"

    def close(self):
        try:
            self.client.stop_channels()
        finally:
            self.manager.shutdown_kernel(now=True)

    def _drain_iopub(self, timeout=0.1):
        while True:
            try:
                self.iopub.append(self.client.get_iopub_msg(timeout=timeout))
                timeout = 0.01
            except queue.Empty:
                return

    def control_request(self, msg_type, content, timeout=TIMEOUT):
        msg = self.client.session.msg(msg_type, content)
        self.client.control_channel.send(msg)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            reply = self.client.control_channel.get_msg(timeout=deadline - time.monotonic())
            if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                return reply
        raise AssertionError(f"no reply to {msg_type} in {timeout} s")

    def request(self, command, arguments=None, timeout=TIMEOUT):
        self.seq += 1
        content = {"seq": self.seq, "type": "request", "command": command, "arguments": arguments or {}}
        reply = self.control_request("debug_request", content, timeout)
        assert reply["header"]["msg_type"] == "debug_reply"
        return reply["content"]

    def ok(self, command, arguments=None):
        reply = self.request(command, arguments)
        assert reply["success"], f"{command} failed: {reply}"
        assert reply["command"] == command and reply["type"] == "response"
        return reply.get("body", {})

    def start(self):
        """What JupyterLab does when the debugger is switched on."""
        self.ok("initialize", {"clientID": "test", "clientName": "pytest", "adapterID": "", "pathFormat": "path",
                               "linesStartAt1": True, "columnsStartAt1": True, "supportsVariableType": True,
                               "supportsVariablePaging": True, "supportsRunInTerminalRequest": True,
                               "locale": "en"})
        self.ok("attach", {})
        # JupyterLab opens its debugger sidebar on this event (debugpy sends it once attached, this kernel once
        # initialize is answered)
        self.event("initialized")
        self.info = self.ok("debugInfo")
        assert self.info["hashMethod"] == "Murmur2"
        return self.info

    def dump(self, code):
        path = self.ok("dumpCell", {"code": code})["sourcePath"]
        expected = self.info["tmpFilePrefix"] + str(murmur2_x86(code, self.info["hashSeed"])) + self.info["tmpFileSuffix"]
        assert path == expected, "the kernel's cell path is not the one JupyterLab computes"
        if self.java:
            assert os.stat(os.path.dirname(path)).st_mode & 0o777 == 0o700, "the cell folder is private to the user"
            assert open(path, encoding="utf-8").read() == code
        return path

    def breakpoints(self, code, *lines):
        path = self.dump(code)
        body = self.ok("setBreakpoints", {"source": {"path": path}, "breakpoints": [{"line": l} for l in lines],
                                          "lines": list(lines), "sourceModified": False})
        assert [b["line"] for b in body["breakpoints"]] == list(lines)
        self.ok("configurationDone")
        return path

    def execute(self, code):
        return self.client.execute(code)

    def wait_reply(self, msg_id, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                reply = self.client.get_shell_msg(timeout=0.5)
            except queue.Empty:
                continue
            if reply["parent_header"].get("msg_id") == msg_id:
                self._drain_iopub(0.5)
                return reply["content"]
        raise AssertionError(f"the cell did not finish in {timeout} s")

    def finish(self, msg_id, timeout=TIMEOUT):
        """Continues every stop until the cell ends (debugpy stops on a raised exception once per frame)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                return self.wait_reply(msg_id, timeout=1)
            except AssertionError:
                for thread in self.ok("debugInfo")["stoppedThreads"]:
                    self.request("continue", {"threadId": thread})
        raise AssertionError(f"the cell did not finish in {timeout} s")

    def run(self, code, timeout=TIMEOUT):
        msg_id = self.execute(code)
        reply = self.wait_reply(msg_id, timeout)
        assert reply["status"] == "ok", f"cell failed: {reply}"
        return self.result(msg_id)

    def result(self, msg_id):
        for msg in self.iopub:
            if msg["parent_header"].get("msg_id") == msg_id and msg["header"]["msg_type"] == "execute_result":
                return msg["content"]["data"]["text/plain"]
        return None

    def event(self, name, timeout=TIMEOUT, after=0):
        """The first debug_event called name, from index after of what iopub delivered."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._drain_iopub()
            for index, msg in enumerate(self.iopub[after:], after):
                if msg["header"]["msg_type"] == "debug_event" and msg["content"]["event"] == name:
                    # JupyterLab's message validation drops a message whose header has no session
                    assert msg["header"].get("session"), f"debug_event {name} has no session in its header"
                    return index, msg["content"]
        raise AssertionError(f"no debug_event {name} in {timeout} s; iopub had "
                             f"{[m['header']['msg_type'] for m in self.iopub]}")

    def stopped(self, after=0):
        index, event = self.event("stopped", after=after)
        return index, event["body"]["threadId"]

    def stopped_at(self, path, line, after=0):
        """Waits for a stop at path:line; returns the thread, its top frame and that frame's locals."""
        _, thread = self.stopped(after)
        frame, _ = self.top_frame(thread)
        assert (frame["source"]["path"], frame["line"]) == (path, line)
        return thread, frame, self.locals(frame["id"])

    def thread_names(self):
        return {t["id"]: t["name"] for t in self.ok("threads")["threads"]}

    def resume_and_finish(self, thread, msg_id):
        """Continues the stopped thread; returns the cell's result once it finished without an error."""
        body = self.ok("continue", {"threadId": thread})
        assert body.get("allThreadsContinued") is True, "continue without singleThread resumes every thread"
        assert self.wait_reply(msg_id)["status"] == "ok"
        return self.result(msg_id)

    def top_frame(self, thread_id):
        frames = self.ok("stackTrace", {"threadId": thread_id})["stackFrames"]
        assert frames, "a stopped thread has frames"
        return frames[0], frames

    def local_variables(self, frame_id):
        """The DAP variables of a frame's first scope (its locals), by name."""
        scopes = self.ok("scopes", {"frameId": frame_id})["scopes"]
        reference = scopes[0]["variablesReference"]
        return {v["name"]: v for v in self.ok("variables", {"variablesReference": reference})["variables"]}

    def locals(self, frame_id):
        return {name: v["value"] for name, v in self.local_variables(frame_id).items()}


@pytest.fixture(params=KERNELS)
def kernel(request):
    client = DebugClient(request.param)
    try:
        yield client
    finally:
        try:  # never leave a stopped kernel behind: resume everything, then shut it down
            client.request("disconnect", {"restart": False, "terminateDebuggee": False}, timeout=10)
        except Exception:
            pass
        client.close()
