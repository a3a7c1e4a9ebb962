"""The Jupyter debugger protocol, scenario by scenario, on ipykernel (the reference) and on the Java kernel."""

import time

import pytest

# The same program in both languages, with the statements on the same lines.
TWICE = {
    "python3": "def twice(x):\n    y = x * 2\n    return y\n",
    "java-parallel": "int twice(int x) {\n    int y = x * 2;\n    return y;\n}\n",
}
CALL = {"python3": "r = twice(21)\n", "java-parallel": "int r = twice(21);\n"}
BOOM = {
    "python3": "def boom():\n    raise ValueError('boom')\n",
    "java-parallel": "void boom() {\n    throw new IllegalArgumentException(\"boom\");\n}\n",
}
BOOM_CALL = {"python3": "boom()\n", "java-parallel": "boom();\n"}
UNCAUGHT_FILTER = {"python3": "userUnhandled", "java-parallel": "uncaught"}
RESULT_42 = {"python3": "42", "java-parallel": "42"}

java_only = pytest.mark.parametrize("kernel", ["java-parallel"], indirect=True)


def define_twice(kernel, *lines):
    kernel.start()
    code = TWICE[kernel.kernel_name]
    path = kernel.breakpoints(code, *lines)
    assert kernel.ok("source", {"source": {"path": path}})["content"] == code
    kernel.run(code)
    return path


def test_kernel_info_says_debugger(kernel):
    content = kernel.control_request("kernel_info_request", {})["content"]
    # protocol 5.5 says it in supported_features (ipykernel 7), older JupyterLabs read the debugger field
    assert content.get("debugger") is True or "debugger" in content.get("supported_features", [])
    if kernel.java:
        assert content["debugger"] is True and "debugger" in content["supported_features"]


def test_breakpoint_in_a_cell_method_stops_with_its_line_and_locals(kernel):
    path = define_twice(kernel, 3)
    msg_id = kernel.execute(CALL[kernel.kernel_name])
    thread, frame, locals_ = kernel.stopped_at(path, 3)
    assert locals_["x"] == "21" and locals_["y"] == "42"
    if kernel.java:  # the declared type: JupyterLab's tree shows the value of an int, only the type of an Integer
        assert kernel.local_variables(frame["id"])["x"]["type"] == "int"
    # JupyterLab 4.6 asks to continue thread 1 whichever thread stopped; without singleThread, all threads go on
    body = kernel.ok("continue", {"threadId": 1})
    assert body.get("allThreadsContinued") is True
    assert kernel.wait_reply(msg_id)["status"] == "ok"
    assert kernel.run("r") == RESULT_42[kernel.kernel_name]


def test_breakpoint_in_top_level_code_then_step_in_and_next(kernel):
    twice_path = define_twice(kernel)
    call = CALL[kernel.kernel_name]
    call_path = kernel.breakpoints(call, 1)
    msg_id = kernel.execute(call)
    after, thread = kernel.stopped()
    frame, _ = kernel.top_frame(thread)
    assert (frame["source"]["path"], frame["line"]) == (call_path, 1)

    kernel.ok("stepIn", {"threadId": thread})
    after, thread = kernel.stopped(after + 1)
    frame, frames = kernel.top_frame(thread)
    assert (frame["source"]["path"], frame["line"]) == (twice_path, 2), "stepIn enters twice"
    assert len(frames) >= 2

    kernel.ok("next", {"threadId": thread})
    after, thread = kernel.stopped(after + 1)
    frame, _ = kernel.top_frame(thread)
    assert (frame["source"]["path"], frame["line"]) == (twice_path, 3), "next goes to the next line"
    assert kernel.locals(frame["id"])["y"] == "42"

    kernel.ok("continue", {"threadId": thread})
    assert kernel.wait_reply(msg_id)["status"] == "ok"


def test_next_goes_from_one_top_level_statement_to_the_next(kernel):
    kernel.start()
    code = {"python3": "a = 1\nb = a + 1\n", "java-parallel": "int a = 1;\nint b = a + 1;\n"}[kernel.kernel_name]
    path = kernel.breakpoints(code, 1)
    msg_id = kernel.execute(code)
    after, thread = kernel.stopped()
    kernel.ok("next", {"threadId": thread})
    _, thread = kernel.stopped(after + 1)
    frame, _ = kernel.top_frame(thread)
    assert (frame["source"]["path"], frame["line"]) == (path, 2)
    kernel.resume_and_finish(thread, msg_id)
    assert kernel.run("b") == "2"


def test_step_out_returns_to_the_caller(kernel):
    twice_path = define_twice(kernel, 2)
    call = CALL[kernel.kernel_name] + {"python3": "s = r + 1\n", "java-parallel": "int s = r + 1;\n"}[kernel.kernel_name]
    call_path = kernel.dump(call)
    msg_id = kernel.execute(call)
    after, thread = kernel.stopped()
    assert kernel.top_frame(thread)[0]["source"]["path"] == twice_path
    kernel.ok("stepOut", {"threadId": thread})
    _, thread = kernel.stopped(after + 1)
    frame, _ = kernel.top_frame(thread)
    # debugpy stops in the caller's line as the call returns; the Java probes at the caller's next line
    assert frame["source"]["path"] == call_path and frame["line"] == (2 if kernel.java else 1)
    kernel.resume_and_finish(thread, msg_id)
    assert kernel.run("s") == "43"


def test_evaluate_in_the_stopped_frame(kernel):
    define_twice(kernel, 3)
    msg_id = kernel.execute(CALL[kernel.kernel_name])
    _, thread = kernel.stopped()
    frame, _ = kernel.top_frame(thread)
    assert kernel.ok("evaluate", {"expression": "y", "frameId": frame["id"], "context": "repl"})["result"] == "42"
    kernel.ok("continue", {"threadId": thread})
    kernel.wait_reply(msg_id)


def test_inspect_variables_lists_top_level_variables(kernel):
    kernel.start()
    kernel.run({"python3": "k = 5\n", "java-parallel": "int k = 5;\n"}[kernel.kernel_name])
    variables = {v["name"]: v for v in kernel.ok("inspectVariables")["variables"]}
    assert variables["k"]["value"] == "5"
    assert variables["k"]["type"] == "int"
    rich = kernel.ok("richInspectVariables", {"variableName": "k"})
    assert rich["data"]["text/plain"] == "5"
    assert isinstance(kernel.request("modules", {})["body"]["modules"], list)  # the Kernel Sources panel


def test_exception_breakpoint_stops_on_the_throw(kernel):
    kernel.start()
    code = BOOM[kernel.kernel_name]
    path = kernel.dump(code)
    kernel.ok("setExceptionBreakpoints", {"filters": [UNCAUGHT_FILTER[kernel.kernel_name]]})
    kernel.ok("configurationDone")
    kernel.run(code)
    msg_id = kernel.execute(BOOM_CALL[kernel.kernel_name])
    _, event = kernel.event("stopped")
    assert event["body"]["reason"] == "exception"
    frame, _ = kernel.top_frame(event["body"]["threadId"])
    assert (frame["source"]["path"], frame["line"]) == (path, 2)
    kernel.ok("continue", {"threadId": event["body"]["threadId"]})
    assert kernel.finish(msg_id)["status"] == "error"


def test_disconnect_during_a_stop_lets_the_cell_finish(kernel):
    define_twice(kernel, 3)
    msg_id = kernel.execute(CALL[kernel.kernel_name])
    kernel.stopped()
    kernel.ok("disconnect", {"restart": False, "terminateDebuggee": False})
    if kernel.java:
        kernel.event("terminated")  # the session is over
    assert kernel.wait_reply(msg_id)["status"] == "ok"
    assert kernel.run("r") == RESULT_42[kernel.kernel_name]


def test_control_channel_answers_while_a_cell_is_stopped(kernel):
    define_twice(kernel, 3)
    msg_id = kernel.execute(CALL[kernel.kernel_name])
    _, thread = kernel.stopped()
    assert kernel.control_request("kernel_info_request", {}, timeout=10)["content"]["status"] == "ok"
    assert thread in kernel.ok("debugInfo")["stoppedThreads"]
    kernel.ok("continue", {"threadId": thread})
    kernel.wait_reply(msg_id)


def test_interrupt_while_stopped_ends_the_cell_and_the_kernel_goes_on(kernel):
    if not kernel.java:
        pytest.xfail("ipykernel: SIGINT does not end a cell that debugpy holds at a breakpoint")
    define_twice(kernel, 3)
    msg_id = kernel.execute(CALL[kernel.kernel_name])
    kernel.stopped()
    kernel.manager.interrupt_kernel()
    assert kernel.wait_reply(msg_id)["status"] == "error"
    assert kernel.run("1 + 1") == "2"


@java_only
def test_breakpoint_in_a_lambda_on_a_thread_pool_stops_one_worker(kernel):
    kernel.start()
    code = ("List<Integer> squares(List<Integer> xs) {\n"
            "    try (Pool p = Pools.threads(2)) {\n"
            "        return p.map(x -> {\n"
            "            if (x == 3) {\n"
            "                return -1;\n"
            "            }\n"
            "            return x * x;\n"
            "        }, xs);\n"
            "    }\n"
            "}\n")
    path = kernel.breakpoints(code, 5)
    kernel.run(code)
    msg_id = kernel.execute("squares(List.of(1, 2, 3, 4, 5, 6))")
    thread, _, locals_ = kernel.stopped_at(path, 5)
    assert locals_["x"] == "3"
    threads = kernel.thread_names()
    assert threads[thread] != "cell", "a pool thread stopped, not the cell's thread"
    assert any(name == "cell" for name in threads.values()), "the cell's thread runs on: " + str(threads)
    assert kernel.ok("debugInfo")["stoppedThreads"] == [thread], "only one thread stopped"
    assert kernel.resume_and_finish(thread, msg_id) == "[1, 4, -1, 16, 25, 36]"


@java_only
def test_breakpoint_in_a_new_thread_stops_that_thread(kernel):
    kernel.start()
    code = ("int[] box = new int[1];\n"
            "Thread t = new Thread(() -> {\n"
            "    int v = 7;\n"
            "    box[0] = v;\n"
            "});\n"
            "t.start();\n"
            "t.join();\n"
            "box[0]\n")
    path = kernel.breakpoints(code, 4)
    msg_id = kernel.execute(code)
    thread, _, locals_ = kernel.stopped_at(path, 4)
    assert locals_["v"] == "7"
    assert kernel.thread_names()[thread] != "cell", "the started thread stopped, not the cell's"
    _, started = kernel.event("thread")
    assert started["body"] == {"reason": "started", "threadId": thread}, "a thread event announces the new thread"
    assert kernel.resume_and_finish(thread, msg_id) == "7"
    after = len(kernel.iopub)
    kernel.run("1")  # the next cell: by now the started thread has ended
    _, exited = kernel.event("thread", after=after)
    assert exited["body"] == {"reason": "exited", "threadId": thread}


@java_only
def test_variables_expand_objects_and_page_through_arrays(kernel):
    kernel.start()
    code = ("record Point(int x, int y) {}\n"
            "int sum(int[] xs, Point p) {\n"
            "    int s = 0;\n"
            "    for (int x : xs) s += x;\n"
            "    return s + p.x();\n"
            "}\n")
    kernel.breakpoints(code, 5)
    kernel.run(code)
    msg_id = kernel.execute("sum(new int[] {1, 2, 3, 4, 5}, new Point(10, 20))")
    _, thread = kernel.stopped()
    frame, _ = kernel.top_frame(thread)
    scopes = kernel.ok("scopes", {"frameId": frame["id"]})["scopes"]
    variables = {v["name"]: v for v in kernel.ok("variables", {"variablesReference": scopes[0]["variablesReference"]})["variables"]}
    assert variables["s"]["value"] == "15"
    assert variables["p"]["type"] == "Point" and variables["p"]["variablesReference"] > 0
    fields = {v["name"]: v["value"] for v in kernel.ok("variables", {"variablesReference": variables["p"]["variablesReference"]})["variables"]}
    assert fields == {"x": "10", "y": "20"}
    assert variables["xs"]["indexedVariables"] == 5
    page = kernel.ok("variables", {"variablesReference": variables["xs"]["variablesReference"], "start": 2, "count": 2})
    assert [(v["name"], v["value"]) for v in page["variables"]] == [("[2]", "3"), ("[3]", "4")]
    assert kernel.ok("evaluate", {"expression": "p.y()", "frameId": frame["id"]})["result"] == "20"
    assert kernel.ok("evaluate", {"expression": "xs[4]", "frameId": frame["id"]})["result"] == "5"
    kernel.ok("continue", {"threadId": thread})
    assert kernel.wait_reply(msg_id)["status"] == "ok"
    assert kernel.result(msg_id) == "25"


@java_only
def test_breakpoints_say_that_worker_jvms_are_not_debugged(kernel):
    kernel.start()
    code = "%%backend processes 1\nPools.current().map(x -> {\n    return x * 2;\n}, List.of(1, 2, 3))\n"
    kernel.breakpoints(code, 3)
    assert kernel.run(code) == "[2, 4, 6]", "nothing stops in a worker JVM"
    _, event = kernel.event("output")
    assert "worker JVMs" in event["body"]["output"]


@java_only
def test_a_breakpoint_where_no_code_starts_is_not_verified(kernel):
    path = define_twice(kernel)
    body = kernel.ok("setBreakpoints", {"source": {"path": path}, "breakpoints": [{"line": 3}, {"line": 4}]})
    assert [(b["line"], b["verified"]) for b in body["breakpoints"]] == [(3, True), (4, False)]
    assert "cannot stop here" in body["breakpoints"][1]["message"]


@java_only
def test_pause_stops_a_running_loop(kernel):
    kernel.start()
    # one snippet, so that one cell thread runs it all (two snippets run on two threads, one after the other)
    code = "for (long n = 0; n < Long.MAX_VALUE; ) {\n    n++;\n}\n"
    path = kernel.breakpoints(code)
    msg_id = kernel.execute(code)
    deadline = time.monotonic() + 30
    cell = None
    while cell is None:
        assert time.monotonic() < deadline, "the cell's thread never showed in threads"
        cell = next((id_ for id_, name in kernel.thread_names().items() if name == "cell"), None)
        time.sleep(0.1)
    kernel.ok("pause", {"threadId": cell})
    _, event = kernel.event("stopped")
    assert event["body"]["reason"] == "pause" and event["body"]["threadId"] == cell
    frame, _ = kernel.top_frame(cell)
    assert frame["source"]["path"] == path and frame["line"] in (1, 2)
    kernel.manager.interrupt_kernel()
    assert kernel.wait_reply(msg_id)["status"] == "error"
