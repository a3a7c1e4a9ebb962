"""What a user does in JupyterLab 4, as Playwright steps: open a notebook or console on the kernel, type a cell,
run it, wait for its output. Every wait is for a condition on the page, with a time limit."""
import re

from playwright.sync_api import expect

KERNEL_DISPLAY_NAME = "Java (parallel)"
# A JVM kernel starts in a few seconds, but on a loaded two-core machine everything may take far longer.
KERNEL_START_TIMEOUT_MS = 120_000
DONE_PROMPT = re.compile(r"^\[\d+\]:$")
CELL_TIMEOUT_MS = 60_000


def wait_for_idle_kernel(panel, timeout_ms=KERNEL_START_TIMEOUT_MS, kernel=KERNEL_DISPLAY_NAME):
    """The notebook's toolbar names the kernel and its indicator says idle: it has started and answered."""
    expect(panel.locator(".jp-KernelName")).to_have_text(kernel, timeout=timeout_ms)
    expect(panel.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]')).to_be_attached(timeout=timeout_ms)


def new_notebook_from_launcher(page, kernel=KERNEL_DISPLAY_NAME):
    """Clicks the launcher's notebook card of the kernel (by its display name); returns the new notebook panel once
    its kernel is idle."""
    page.locator('.jp-LauncherCard[data-category="Notebook"]', has_text=kernel).click()
    panel = current_notebook(page)
    wait_for_idle_kernel(panel, kernel=kernel)
    return panel


def open_notebook(page, path):
    """Opens a notebook of the server's root folder by its URL, as a link to it would; waits for its kernel."""
    page.goto(page.lab_server.url(f"lab/tree/{path}") + "&reset")
    panel = current_notebook(page)
    wait_for_idle_kernel(panel)
    return panel


def current_notebook(page):
    panel = page.locator(".jp-NotebookPanel:visible")
    expect(panel).to_have_count(1, timeout=60_000)
    return panel


def cells(panel):
    return panel.locator(".jp-Notebook .jp-Cell")


def type_into_last_cell(panel, code):
    """Types code into the last cell's editor. insert_text: no auto-indent or bracket closing, the code stays as is."""
    editor = cells(panel).last.locator(".cm-content")
    editor.click()
    panel.page.keyboard.insert_text(code)
    return cells(panel).count() - 1


def run_in_new_cell(panel, code, timeout_ms=CELL_TIMEOUT_MS):
    """Types code into the last (empty) cell and runs it with Shift+Enter; returns the cell once it has ended."""
    index = type_into_last_cell(panel, code)
    panel.page.keyboard.press("Shift+Enter")
    cell = cells(panel).nth(index)
    wait_until_cell_ended(cell, timeout_ms)
    return cell


def run_first_cell(panel):
    """Runs a cell, which waits for the kernel's JShell to start. Until then, completion and is_complete take
    seconds, more than JupyterLab waits for them (1 s for completions): a user who types at once gets nothing."""
    return run_in_new_cell(panel, 'String jshellStarted = "yes";', timeout_ms=KERNEL_START_TIMEOUT_MS)


def wait_until_cell_ended(cell, timeout_ms=CELL_TIMEOUT_MS):
    """The prompt turns from [*] to [N] when the kernel's execute_reply arrives."""
    expect(cell.locator(".jp-InputPrompt")).to_have_text(DONE_PROMPT, timeout=timeout_ms)


def output_text(cell):
    return cell.locator(".jp-OutputArea").inner_text()


def error_outputs(scope):
    """Errors and stderr output: JupyterLab renders both with the stderr MIME type."""
    return scope.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')


def click_menu(page, *path):
    """Opens the menu bar's menu path[0] and clicks through the submenus, e.g. ("File", "New", "Console")."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(rf"^{re.escape(path[0])}$")).click()
    for label in path[1:]:
        item = page.locator(".lm-Menu:visible .lm-Menu-item",
                            has=page.locator(".lm-Menu-itemLabel", has_text=re.compile(rf"^{re.escape(label)}$")))
        item.last.click()


def press_tab_for_completion(panel):
    """Tab asks the kernel for completions once JupyterLab has marked the edited cell as having text to complete
    (it does so shortly after the text changes; before that, Tab indents)."""
    expect(panel.locator(".jp-Cell.jp-mod-active .jp-mod-completer-enabled, .jp-Cell.jp-mod-active.jp-mod-completer-enabled")
           ).to_have_count(1)
    panel.page.keyboard.press("Tab")
