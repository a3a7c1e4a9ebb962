"""What a student does with the kernel in JupyterLab 4, step by step, in headless Chromium.

Each test starts from JupyterLab's launcher with a fresh kernel and saves a screenshot of each step in
LAB_SCREENSHOTS as <test>-<step>.png, for a person to look at.
"""
import json
import re
import shutil
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import PROJECT_ROOT, SERVER_ROOT
from lab_ui import (KERNEL_DISPLAY_NAME, KERNEL_START_TIMEOUT_MS, cells, click_menu, error_outputs,
                    new_notebook_from_launcher, open_notebook, output_text, press_tab_for_completion, run_first_cell,
                    run_in_new_cell, type_into_last_cell, wait_for_idle_kernel, wait_until_cell_ended)



def test_launcher_offers_the_kernel_and_a_new_notebook_runs_a_cell(page):
    card = page.locator('.jp-LauncherCard[data-category="Notebook"]', has_text=KERNEL_DISPLAY_NAME)
    expect(card).to_be_visible()
    page.screenshots.take("launcher")

    panel = new_notebook_from_launcher(page)
    cell = run_in_new_cell(panel, "6 * 7")
    expect(cell.locator('.jp-OutputArea-output[data-mime-type="text/plain"]')).to_have_text("42")
    page.screenshots.take("result")


def test_printed_output_arrives_while_the_cell_runs(page):
    panel = new_notebook_from_launcher(page)
    index = type_into_last_cell(
        panel, 'for (int i = 1; i <= 6; i++) {\n    System.out.println("tick " + i);\n    Thread.sleep(500);\n}')
    page.keyboard.press("Shift+Enter")
    cell = cells(panel).nth(index)

    # The prompt and the output are read in the same instant, in the page.
    seen = page.wait_for_function(
        """cell => {
            const text = cell.querySelector('.jp-OutputArea').innerText;
            return text.includes('tick 1')
                && {text, prompt: cell.querySelector('.jp-InputPrompt').innerText.trim()};
        }""", arg=cell.element_handle(), timeout=KERNEL_START_TIMEOUT_MS).json_value()
    page.screenshots.take("first-line")
    assert seen["prompt"] == "[*]:", f"the first line appeared only when the cell had ended: {seen}"
    assert "tick 6" not in seen["text"], seen

    wait_until_cell_ended(cell)
    assert re.findall(r"tick \d", output_text(cell)) == [f"tick {i}" for i in range(1, 7)]
    page.screenshots.take("ended")


def test_a_pool_maps_progress_bar_updates_in_place_and_ends_as_a_line(page):
    panel = new_notebook_from_launcher(page)
    index = type_into_last_cell(panel, (
        "List<Integer> mapped = Pools.threads(2).map(x -> {\n"
        "    try { Thread.sleep(100); } catch (InterruptedException e) { throw new RuntimeException(e); }\n"
        "    return x;\n"
        "}, IntStream.range(0, 30).boxed().toList(), 1);\n"
        "mapped.size()"))
    cell = cells(panel).nth(index)
    # Every text the bar shows, and the most bars seen at once, noted by the page on each change of the cell.
    cell.element_handle().evaluate("""cell => {
        const seen = cell.__progress = {texts: [], most: 0};
        new MutationObserver(() => {
            const bars = [...cell.querySelectorAll('.jp-OutputArea-output')]
                .filter(o => o.innerText.startsWith('map:'));
            seen.most = Math.max(seen.most, bars.length);
            for (const bar of bars) {
                if (!seen.texts.includes(bar.innerText)) seen.texts.push(bar.innerText);
            }
        }).observe(cell, {childList: true, subtree: true, characterData: true});
    }""")
    page.keyboard.press("Shift+Enter")

    page.wait_for_function("cell => cell.__progress.texts.some(t => /\\d+\\/30 tasks,/.test(t))",
                           arg=cell.element_handle(), timeout=KERNEL_START_TIMEOUT_MS)
    page.screenshots.take("running")
    wait_until_cell_ended(cell)
    page.screenshots.take("ended")
    history = cell.evaluate("cell => cell.__progress")

    running = [t for t in history["texts"] if re.search(r"\d+/30 tasks,", t)]
    assert len(running) >= 2, f"the bar did not update while the map ran: {history}"
    assert history["most"] == 1, f"updates were appended as new outputs instead of replacing the bar: {history}"
    bars = [t for t in output_text(cell).splitlines() if t.startswith("map:")]
    assert len(bars) == 1 and re.match(r"map: 30/30 tasks done in \d+\.\d s on threads", bars[0]), bars
    expect(cell.locator('.jp-OutputArea-executeResult')).to_have_text(re.compile(r"30$"))


def test_display_renders_an_html_table_and_a_png_chart(page):
    panel = new_notebook_from_launcher(page)
    table_cell = run_in_new_cell(panel, (
        'display(html("<table><tr><th>backend</th><th>speed-up</th></tr>"\n'
        '    + "<tr><td>threads 2</td><td>1.91</td></tr><tr><td>processes 2</td><td>1.89</td></tr></table>"))'))
    table = table_cell.locator('.jp-OutputArea-output[data-mime-type="text/html"] table')
    expect(table).to_have_count(1)
    expect(table.locator("th")).to_have_text(["backend", "speed-up"])
    expect(table.locator("td")).to_have_text(["threads 2", "1.91", "processes 2", "1.89"])
    assert "<table" not in output_text(table_cell), "the HTML was shown as text"

    chart_cell = run_in_new_cell(panel, (
        "import org.knowm.xchart.*;\n"
        'XYChart chart = new XYChartBuilder().width(480).height(320).title("squares").build();\n'
        'chart.addSeries("x²", new double[] {1, 2, 3, 4}, new double[] {1, 4, 9, 16});\n'
        "display(chart);"))
    image = chart_cell.locator('.jp-OutputArea-output[data-mime-type="image/png"] img')
    expect(image).to_have_count(1)
    # decoded by the browser, at the chart's size: a PNG that arrived intact
    size = image.evaluate("img => img.decode().then(() => [img.naturalWidth, img.naturalHeight])")
    assert size == [480, 320], size
    page.screenshots.take("table-and-chart")


@pytest.mark.parametrize("when", ["at-once", "while-running"])
def test_the_stop_button_stops_an_endless_loop_within_a_second(page, when):
    panel = new_notebook_from_launcher(page)
    run_in_new_cell(panel, "int kept = 41;")
    index = type_into_last_cell(panel, "while (true) {}")
    cell = cells(panel).nth(index)
    run_button = panel.locator('.jp-Toolbar-item[data-jp-item-name="run"] jp-button')
    stop_button = panel.locator('.jp-Toolbar-item[data-jp-item-name="interrupt"] jp-button')

    # When Stop is pressed (JupyterLab's toolbar buttons act on mousedown) and when the prompt shows [N] again
    # are noted in the page, so the time does not include Playwright's polling.
    cell.element_handle().evaluate("""cell => {
        const prompt = cell.querySelector('.jp-InputPrompt');
        new MutationObserver(() => {
            if (/^\\[\\d+\\]:$/.test(prompt.innerText.trim()) && !cell.__endedAt) cell.__endedAt = performance.now();
        }).observe(prompt, {childList: true, subtree: true, characterData: true});
        document.addEventListener('mousedown', event => {
            if (event.target.closest('[data-command="notebook:interrupt-kernel"]') && !cell.__stoppedAt) {
                cell.__stoppedAt = performance.now();
            }
        }, true);
    }""")
    run_button.click()
    if when == "while-running":
        expect(cell.locator(".jp-InputPrompt")).to_have_text("[*]:")
        expect(panel.locator('.jp-Notebook-ExecutionIndicator[data-status="busy"]')).to_be_attached()
        page.wait_for_timeout(1500)  # the loop has been running for a while, JIT-compiled
    stop_button.click()
    page.screenshots.take("stop-pressed")

    wait_until_cell_ended(cell, timeout_ms=20_000)
    took_ms = cell.evaluate("cell => cell.__endedAt - cell.__stoppedAt")
    page.screenshots.take("stopped")
    print(f"Stop {when}: the cell ended {took_ms:.0f} ms after Stop was pressed")
    assert took_ms < 1000, f"the loop stopped {took_ms:.0f} ms after Stop was pressed"

    next_cell = run_in_new_cell(panel, "kept + 1")
    expect(next_cell.locator('.jp-OutputArea-output[data-mime-type="text/plain"]')).to_have_text("42")
    page.screenshots.take("next-cell")


def _process_is_running(pid):
    """True while the process exists and is not a zombie (a zombie's JVM is gone; only its exit status is left)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def test_restart_leaves_no_worker_jvm_of_the_old_kernel(page):
    panel = new_notebook_from_launcher(page)
    cell = run_in_new_cell(panel, (
        "Pool workers = Pools.processes(2);\n"
        "Set<Long> workerPids = new TreeSet<>(workers.map(x -> {\n"
        "    try { Thread.sleep(300); } catch (InterruptedException e) { throw new RuntimeException(e); }\n"
        "    return ProcessHandle.current().pid();\n"
        "}, List.of(1, 2, 3, 4), 1));\n"
        'System.out.println("kernel pid " + ProcessHandle.current().pid() + ", worker pids " + workerPids);'),
        timeout_ms=KERNEL_START_TIMEOUT_MS)
    printed = re.search(r"kernel pid (\d+), worker pids \[(\d+), (\d+)\]", output_text(cell))
    assert printed, output_text(cell)
    old_kernel, workers = int(printed.group(1)), [int(printed.group(2)), int(printed.group(3))]
    assert all(_process_is_running(pid) for pid in [old_kernel, *workers]), printed.group(0)
    page.screenshots.take("workers-started")

    click_menu(page, "Kernel", "Restart Kernel…")
    dialog = page.locator(".jp-Dialog")
    expect(dialog).to_contain_text("Restart")
    page.screenshots.take("confirm-dialog")
    dialog.locator(".jp-Dialog-button.jp-mod-accept").click()
    expect(dialog).to_have_count(0)
    wait_for_idle_kernel(panel)

    new_cell = run_in_new_cell(panel, 'System.out.println("kernel pid " + ProcessHandle.current().pid());',
                               timeout_ms=KERNEL_START_TIMEOUT_MS)
    new_kernel = int(re.search(r"kernel pid (\d+)", output_text(new_cell)).group(1))
    assert new_kernel != old_kernel, "the kernel was not restarted"
    deadline = time.monotonic() + 30
    while any(map(_process_is_running, [old_kernel, *workers])) and time.monotonic() < deadline:
        time.sleep(0.2)
    page.screenshots.take("restarted")
    left = [pid for pid in [old_kernel, *workers] if _process_is_running(pid)]
    assert not left, f"processes of the old kernel still run 30 s after the restart: {left}"


def test_a_spark_jobs_ui_link_opens_the_spark_ui_which_refuses_a_visitor_without_it(page):
    panel = new_notebook_from_launcher(page)
    run_in_new_cell(panel, "%backend spark local[1]", timeout_ms=KERNEL_START_TIMEOUT_MS)
    cell = run_in_new_cell(panel, (
        "Pools.current().map(x -> {\n"
        "    try { Thread.sleep(200); } catch (InterruptedException e) { throw new RuntimeException(e); }\n"
        "    return x;\n"
        "}, IntStream.range(0, 10).boxed().toList(), 1).size()"))
    link = cell.locator('.jp-OutputArea-output a', has_text="Spark UI").first
    expect(link).to_be_visible()
    page.screenshots.take("job-ended")

    with page.context.expect_page() as opened:
        link.click()
    spark_ui = opened.value
    spark_ui.wait_for_load_state()
    expect(spark_ui.locator("body")).to_contain_text(re.compile(r"Details for Job \d+"), timeout=30_000)
    page.screenshots.take("spark-ui", of=spark_ui)

    # another user's browser: the UI's address without the token the kernel's link carries
    stranger = page.context.browser.new_context()
    try:
        refused = stranger.new_page()
        answer = refused.goto(spark_ui.url.split("?")[0])
        assert answer.status == 403, answer.status
        expect(refused.locator("body")).to_contain_text("opens only from the links java-parallel gives")
        page.screenshots.take("refused", of=refused)
    finally:
        stranger.close()


def test_console_enter_continues_an_incomplete_statement_and_runs_a_complete_one(page):
    # JupyterLab 4 asks the kernel whether the input is complete (is_complete_request) only for the console's
    # Enter in its "terminal" interaction mode (conftest sets it); Shift+Enter always runs the input, in both modes.
    click_menu(page, "File", "New", "Console")
    dialog = page.locator(".jp-Dialog")
    dialog.locator("select").select_option(label=KERNEL_DISPLAY_NAME)
    dialog.locator(".jp-Dialog-button.jp-mod-accept").click()
    console = page.locator(".jp-CodeConsole:visible")
    expect(console).to_have_attribute("data-jp-interaction-mode", "terminal")
    expect(page.locator("#jp-main-statusbar")).to_contain_text(f"{KERNEL_DISPLAY_NAME} | Idle",
                                                               timeout=KERNEL_START_TIMEOUT_MS)
    prompt = console.locator(".jp-CodeConsole-promptCell .cm-content")
    executed = console.locator(".jp-CodeConsole-content .jp-CodeCell")
    # A first input runs once JShell has started. Before that, the kernel's first is_complete_reply takes
    # seconds, and JupyterLab runs the input when the kernel does not answer within 250 ms.
    prompt.click()
    page.keyboard.insert_text("int rounds = 3;")
    page.keyboard.press("Enter")
    expect(executed).to_have_count(1)
    wait_until_cell_ended(executed.first, timeout_ms=KERNEL_START_TIMEOUT_MS)

    prompt.click()
    page.keyboard.insert_text("for (int i = 0; i < rounds; i++) {")
    page.keyboard.press("Enter")

    # The kernel's is_complete_reply says "incomplete": the console adds a line instead of running the input.
    expect(prompt.locator(".cm-line")).to_have_count(2)
    expect(prompt.locator(".cm-line").first).to_have_text("for (int i = 0; i < rounds; i++) {")
    expect(executed).to_have_count(1)
    page.screenshots.take("continued")

    page.keyboard.insert_text('System.out.println("round " + i);\n}')
    page.keyboard.press("Enter")
    expect(executed).to_have_count(2)
    expect(executed.last.locator(".jp-OutputArea")).to_have_text(re.compile(r"round 0\s+round 1\s+round 2"),
                                                                   timeout=KERNEL_START_TIMEOUT_MS)
    page.screenshots.take("ran")


@pytest.mark.parametrize("notebook", ["04-worker-processes.ipynb", "09-spark-local.ipynb"])
def test_run_all_on_a_course_notebook_ends_without_errors(page, notebook):
    shutil.copy(PROJECT_ROOT / "notebooks" / notebook, SERVER_ROOT / notebook)
    panel = open_notebook(page, notebook)
    code_cells = panel.locator(".jp-Notebook .jp-CodeCell")
    count = code_cells.count()
    assert count > 3, f"{notebook} has {count} code cells"

    click_menu(page, "Run", "Run All Cells")
    for index in range(count):
        wait_until_cell_ended(code_cells.nth(index), timeout_ms=180_000)
    expect(panel.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]')).to_be_attached()
    page.screenshots.take("ended")
    # the first cell prints the scale it read from JP_NOTEBOOK_SCALE, which the kernel has from the server
    expect(code_cells.first.locator(".jp-OutputArea")).to_contain_text("scale small")
    errors = error_outputs(panel)
    assert errors.count() == 0, f"{notebook}: " + "\n---\n".join(errors.all_inner_texts())

    # What is saved says the same: every code cell ran, none has an error output.
    page.keyboard.press("Control+s")
    saved = _wait_for_saved_run(SERVER_ROOT / notebook, count)
    failed = [c["source"][:80] for c in saved if any(o["output_type"] == "error" for o in c["outputs"])]
    assert not failed, f"{notebook}: cells with errors: {failed}"


def _wait_for_saved_run(path, code_cell_count, timeout_s=30):
    """The saved notebook's code cells once all of them have an execution count (the save has landed)."""
    deadline = time.monotonic() + timeout_s
    while True:
        code = [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code"]
        code = [dict(c, source="".join(c["source"])) for c in code]
        if len(code) == code_cell_count and all(c["execution_count"] for c in code):
            return code
        if time.monotonic() > deadline:
            raise AssertionError(f"{path.name} was not saved with every cell run within {timeout_s} s")
        time.sleep(0.25)


def test_an_export_opens_untrusted_with_readable_tables_and_charts(page):
    export = "10-randomized-search.ipynb"
    shutil.copy(PROJECT_ROOT / "notebooks" / "exports" / export, SERVER_ROOT / export)
    panel = open_notebook(page, export)

    # Nobody trusted this notebook on this server: JupyterLab shows its outputs sanitized.
    html_outputs = panel.locator('.jp-OutputArea-output[data-mime-type="text/html"]')
    expect(html_outputs.first).to_be_attached()
    assert html_outputs.evaluate_all("outputs => outputs.every(o => !o.classList.contains('jp-mod-trusted'))")
    table = html_outputs.locator("table").first
    expect(table).to_be_attached()
    assert table.locator("tr").count() > 2
    assert "<table" not in html_outputs.first.inner_text()
    table.scroll_into_view_if_needed()
    page.screenshots.take("table")

    image = panel.locator('.jp-OutputArea-output[data-mime-type="image/png"] img').first
    image.scroll_into_view_if_needed()
    size = image.evaluate("img => img.decode().then(() => [img.naturalWidth, img.naturalHeight])")
    assert size[0] > 100 and size[1] > 100, size
    page.screenshots.take("chart")


def test_tab_completion_offers_println_with_its_type(page):
    panel = new_notebook_from_launcher(page)
    run_first_cell(panel)
    type_into_last_cell(panel, "System.out.pri")
    press_tab_for_completion(panel)
    completer = page.locator(".jp-Completer")
    expect(completer).to_be_visible(timeout=30_000)
    page.screenshots.take("completer")
    println = completer.locator(".jp-Completer-item", has_text="println").first
    expect(println).to_be_visible()
    # the type comes from complete_reply's _jupyter_types_experimental metadata
    expect(println.locator(".jp-Completer-typeExtended")).to_have_text(re.compile(r"\S"), timeout=5_000)


def test_contextual_help_shows_the_signature_with_the_cursor_inside_the_name(page):
    panel = new_notebook_from_launcher(page)
    run_first_cell(panel)
    # The panel asks the kernel (inspect_request) each time the cursor moves in the editor.
    click_menu(page, "Help", "Show Contextual Help")
    inspector = page.locator(".jp-Inspector")
    expect(inspector).to_be_visible()
    type_into_last_cell(panel, "Pools.current()")
    for _ in range(len("rent()")):
        page.keyboard.press("ArrowLeft")  # the cursor in Pools.cur|rent()
    expect(page.locator("#jp-main-statusbar")).to_contain_text("Ln 1, Col 10")
    page.screenshots.take("help-panel")
    expect(inspector).to_contain_text(re.compile(r"Pool\s+Pools\.current\(\)"), timeout=5_000)
    expect(inspector).to_contain_text("current backend", timeout=5_000)  # its javadoc, from the shipped sources
    page.screenshots.take("signature")
    # a JDK method, its javadoc from the JDK's src.zip, with the cursor inside the method's name
    page.keyboard.press("End")
    page.keyboard.type(";")  # two statements: the cell must stay valid Java for the kernel to analyse it
    page.keyboard.press("Enter")
    page.keyboard.type('"greeting".substring(1)')
    for _ in range(len("tring(1)")):
        page.keyboard.press("ArrowLeft")  # the cursor in "greeting".subs|tring(1)
    expect(inspector).to_contain_text(re.compile(r"String\s+String\.substring\(int beginIndex\)"), timeout=5_000)
    expect(inspector).to_contain_text("substring of this string", timeout=5_000)
    page.screenshots.take("jdk-javadoc")
