"""What the bench scripts share: the installed java-parallel kernel, started through jupyter_client as Jupyter
starts it, and cells run on it."""
import contextlib
import os

from jupyter_client.manager import start_new_kernel


@contextlib.contextmanager
def installed_kernel(prefix=None):
    """The kernel of an install.sh --prefix DIR installation, or wherever Jupyter finds java-parallel. One script
    may start kernels of several installs in turn (a baseline and the build under test): JUPYTER_PATH is set only
    while the kernel starts."""
    saved = os.environ.get("JUPYTER_PATH")
    if prefix:
        os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
    try:
        km, kc = start_new_kernel(kernel_name="java-parallel")
    finally:
        if saved is None:
            os.environ.pop("JUPYTER_PATH", None)
        else:
            os.environ["JUPYTER_PATH"] = saved
    try:
        yield kc
    finally:
        km.shutdown_kernel(now=False)


def run(kc, code, timeout=600):
    """Runs a cell; returns the text of its value ("" if it has none). A failing cell raises with its output."""
    printed, value = [], []

    def hook(msg):
        if msg["msg_type"] == "stream":
            printed.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            printed.append("ERROR " + msg["content"]["ename"] + ": " + msg["content"]["evalue"])
        elif msg["msg_type"] == "execute_result":
            value.append(msg["content"]["data"]["text/plain"])

    reply = kc.execute_interactive(code, timeout=timeout, output_hook=hook)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(code + "\n" + "".join(printed))
    return "".join(value)
