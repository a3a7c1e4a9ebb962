#!/usr/bin/python3
"""A real Jupyter client for the kernel's integration tests, driven over line-delimited JSON.

The kernel is started by jupyter_client's KernelManager from its installed kernelspec, exactly as Jupyter
starts it; messages go through jupyter_client's Session (signing, serialisation) on the kernel's own
sockets. Each line on stdin is one command {"cmd": ..., ...}; each answer is one line on stdout:
{"ok": true, ...} or {"ok": false, "error": "..."}. Every iopub message received is kept in a log, so
output that arrives after its cell finished (a background thread) can still be found by its parent id.
"""
import json
import os
import signal
import sys
import time
import traceback

import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

PROTOCOL_OUT = os.fdopen(os.dup(sys.stdout.fileno()), "w", buffering=1)
os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # nothing else may write to the protocol stream


class Bridge:
    def __init__(self):
        self.km = None
        self.shell = None
        self.control = None
        self.iopub = None
        self.poller = None
        self.iopub_log = []
        self.replies = {}  # parent msg_id -> reply message (shell or control)
        self.kernel_log = None
        self.unreadable = []  # frames that failed to deserialize (bad signature etc.)

    # ------------------------------------------------------------------ plumbing
    def connect(self):
        self.disconnect()
        self.shell = self.km.connect_shell()
        self.control = self.km.connect_control()
        self.iopub = self.km.connect_iopub()
        self.poller = zmq.Poller()
        for socket in (self.shell, self.control, self.iopub):
            self.poller.register(socket, zmq.POLLIN)

    def disconnect(self):
        for socket in (self.shell, self.control, self.iopub):
            if socket is not None:
                socket.close(linger=0)
        self.shell = self.control = self.iopub = self.poller = None

    def pump(self, timeout_s):
        """Receives whatever arrives within timeout_s; returns True if anything was received."""
        events = dict(self.poller.poll(max(0, int(timeout_s * 1000))))
        for socket in (self.iopub, self.shell, self.control):
            if socket in events:
                while True:
                    try:
                        frames = socket.recv_multipart(zmq.NOBLOCK)
                    except zmq.Again:
                        break
                    self.store(socket, frames)
        return bool(events)

    def store(self, socket, frames):
        try:
            _, parts = self.km.session.feed_identities(frames)
            msg = self.km.session.deserialize(parts)
        except Exception as e:  # a kernel that signs wrongly is a finding, not a bridge crash
            self.unreadable.append(str(e))
            return
        msg = plain(msg)
        msg["received_at"] = time.time()
        if socket is self.iopub:
            self.iopub_log.append(msg)
        else:
            parent = msg.get("parent_header", {}).get("msg_id")
            msg["channel"] = "shell" if socket is self.shell else "control"
            self.replies[parent] = msg

    def send(self, channel, msg_type, content):
        socket = {"shell": self.shell, "control": self.control}[channel]
        msg = self.km.session.send(socket, msg_type, content)
        return msg["header"]["msg_id"]

    def iopub_for(self, msg_id):
        return [m for m in self.iopub_log if m.get("parent_header", {}).get("msg_id") == msg_id]

    def idle_seen(self, msg_id):
        return any(m["msg_type"] == "status" and m["content"].get("execution_state") == "idle"
                   for m in self.iopub_for(msg_id))

    def wait_reply(self, msg_id, timeout, wait_idle=True):
        deadline = time.time() + timeout
        while not (msg_id in self.replies and (not wait_idle or self.idle_seen(msg_id))):
            remaining = deadline - time.time()
            if remaining <= 0:
                break
            self.pump(min(remaining, 0.5))
        timed_out = not (msg_id in self.replies and (not wait_idle or self.idle_seen(msg_id)))
        return {"msg_id": msg_id, "reply": self.replies.get(msg_id), "iopub": self.iopub_for(msg_id),
                "timed_out": timed_out}

    def pid(self):
        return self.km.provisioner.process.pid

    def kernel_log_tail(self):
        if not self.kernel_log:
            return ""
        try:
            with open(self.kernel_log, errors="replace") as f:
                return f.read()[-4000:]
        except OSError:
            return ""

    def wait_ready(self, timeout):
        """Like KernelClient.wait_for_ready: a kernel_info reply, and iopub proven subscribed (an idle status
        for one of the requests arrived). Returns the first reply; its received_at tells when the kernel first
        answered, even if iopub needed more rounds."""
        deadline = time.time() + timeout
        sent = []
        while time.time() < deadline:
            if not self.km.is_alive():
                raise RuntimeError("kernel exited during startup; its output:\n" + self.kernel_log_tail())
            sent.append(self.send("shell", "kernel_info_request", {}))
            window = 1.0 if not any(m in self.replies for m in sent) else 0.25
            self.wait_reply(sent[-1], min(window, max(0.05, deadline - time.time())))
            if any(m in self.replies and self.idle_seen(m) for m in sent):
                return min((self.replies[m] for m in sent if m in self.replies), key=lambda r: r["received_at"])
        raise RuntimeError(f"kernel not ready after {timeout} s; its output:\n" + self.kernel_log_tail())

    # ------------------------------------------------------------------ commands
    def cmd_start(self, kernel_name="java-parallel", startup_timeout=60, kernel_log=None):
        self.kernel_log = kernel_log
        self.km = KernelManager(kernel_name=kernel_name)
        self.km.shutdown_wait_time = 5.0
        log = open(kernel_log, "ab") if kernel_log else None
        started = time.time()
        self.km.start_kernel(stdout=log, stderr=log)
        self.connect()
        info = self.wait_ready(startup_timeout)
        return {"pid": self.pid(), "kernel_info": info, "started_at": started,
                "argv": self.km.kernel_spec.argv, "interrupt_mode": self.km.kernel_spec.interrupt_mode}

    def execute_content(self, code, silent=False, store_history=True, stop_on_error=True):
        return {"code": code, "silent": silent, "store_history": store_history, "user_expressions": {},
                "allow_stdin": False, "stop_on_error": stop_on_error}

    def cmd_send_execute(self, code, **options):
        return {"msg_id": self.send("shell", "execute_request", self.execute_content(code, **options))}

    def cmd_collect(self, msg_id, timeout=60):
        return self.wait_reply(msg_id, timeout)

    def cmd_execute(self, code, timeout=60, **options):
        return self.cmd_collect(self.cmd_send_execute(code, **options)["msg_id"], timeout)

    def cmd_request(self, msg_type, content=None, channel="shell", timeout=30, wait_idle=True):
        return self.wait_reply(self.send(channel, msg_type, content or {}), timeout, wait_idle)

    def cmd_interrupt(self, mode="message"):
        sent_at = time.time()
        if mode == "message":
            self.km.interrupt_kernel()  # the kernelspec says interrupt_mode "message": interrupt_request on control
        elif mode == "signal":
            os.kill(self.pid(), signal.SIGINT)
        else:
            raise ValueError(f"interrupt mode must be 'message' or 'signal', not {mode!r}")
        return {"sent_at": sent_at}

    def cmd_interrupt_after(self, msg_id, msg_type="execute_input", delay_ms=0, mode="message", timeout=30):
        """Interrupts delay_ms after the kernel published msg_type for msg_id, timed here rather than across the
        bridge's pipe, as a user pressing Stop right after the front end showed the cell running."""
        seen = self.cmd_wait_iopub(msg_id, msg_type, timeout)["seen"]
        if not seen:
            return {"seen": False}
        time.sleep(delay_ms / 1000)
        return dict(self.cmd_interrupt(mode), seen=True)

    def cmd_wrong_signature(self, msg_type="kernel_info_request", content=None, timeout=3):
        """Sends on the shell socket a message signed with a key the kernel does not have."""
        forger = Session(key=b"not-the-kernel-key", signature_scheme=self.km.session.signature_scheme,
                         username=self.km.session.username)
        msg = forger.send(self.shell, msg_type, content or {})
        msg_id = msg["header"]["msg_id"]
        before = len(self.unreadable)
        deadline = time.time() + timeout
        while time.time() < deadline:
            self.pump(deadline - time.time())
        return {"msg_id": msg_id, "reply_received": msg_id in self.replies,
                "iopub_for_it": self.iopub_for(msg_id), "unreadable_frames": self.unreadable[before:]}

    def cmd_wait_iopub(self, msg_id, msg_type, timeout=30):
        """Waits until the kernel published a message of msg_type for request msg_id (e.g. execute_input)."""
        deadline = time.time() + timeout
        while not any(m["msg_type"] == msg_type for m in self.iopub_for(msg_id)) and time.time() < deadline:
            self.pump(min(0.5, deadline - time.time()))
        return {"seen": any(m["msg_type"] == msg_type for m in self.iopub_for(msg_id))}

    def cmd_iopub_log(self, since=0, drain_seconds=0.0):
        deadline = time.time() + drain_seconds
        while time.time() < deadline:
            self.pump(deadline - time.time())
        return {"messages": self.iopub_log[since:], "next": len(self.iopub_log)}

    def cmd_shutdown(self, restart=False, timeout=15):
        """Sends shutdown_request on control as a client would, then waits for the process to end."""
        answer = self.wait_reply(self.send("control", "shutdown_request", {"restart": restart}), timeout,
                                 wait_idle=False)
        process = self.km.provisioner.process
        exit_code = None
        try:
            exit_code = process.wait(timeout=timeout)
        except Exception:
            pass
        answer["exited"] = exit_code is not None
        answer["exit_code"] = exit_code
        return answer

    def cmd_restart(self, startup_timeout=60):
        self.km.restart_kernel(now=False)
        self.connect()
        info = self.wait_ready(startup_timeout)
        return {"pid": self.pid(), "kernel_info": info}

    def cmd_pid(self):
        return {"pid": self.pid()}

    def cmd_is_alive(self):
        return {"alive": bool(self.km and self.km.is_alive())}

    def cmd_kernel_log(self):
        return {"text": self.kernel_log_tail()}

    def close(self):
        self.disconnect()
        if self.km is not None:
            if self.km.has_kernel:
                self.km.shutdown_kernel(now=not self.km.is_alive())
            self.km.cleanup_resources()
            self.km = None


def plain(value):
    """Makes a message JSON-ready: datetimes to strings, buffers dropped."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if k != "buffers"}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def main():
    bridge = Bridge()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            request = json.loads(line)
            command = request.pop("cmd")
            if command == "close":
                bridge.close()
                PROTOCOL_OUT.write(json.dumps({"ok": True}) + "\n")
                return
            try:
                result = getattr(bridge, "cmd_" + command)(**request)
                answer = {"ok": True, **result}
            except Exception as e:
                answer = {"ok": False, "error": f"{type(e).__name__}: {e}", "trace": traceback.format_exc()}
            PROTOCOL_OUT.write(json.dumps(answer) + "\n")
    finally:
        bridge.close()


if __name__ == "__main__":
    main()
