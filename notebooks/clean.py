#!/usr/bin/env python3
"""Puts course notebooks in the form they are committed in, so that a diff shows only what was edited.

Usage: python3 notebooks/clean.py [NOTEBOOK...]    (default: every notebooks/NN-*.ipynb)

Any python3 that has nbformat will do: the one Jupyter runs on, or Debian's (package python3-nbformat).

It clears outputs and execution counts, and drops the metadata Jupyter adds while a notebook is open: the
kernel's language_info (with the JDK's version, which differs from machine to machine), and view state such as
collapsed or scrolled outputs. It keeps the kernelspec, the language's name and the cells' tags (the
raises-exception tag marks cells that fail on purpose). It writes the file as Jupyter saves it.
"""
import io
import pathlib
import sys

import nbformat

NOTEBOOKS = pathlib.Path(__file__).resolve().parent
KEPT_CELL_METADATA = ("tags",)


def clean(notebook):
    kept = {}
    if "kernelspec" in notebook.metadata:
        kept["kernelspec"] = notebook.metadata.kernelspec
    if "name" in notebook.metadata.get("language_info", {}):
        kept["language_info"] = {"name": notebook.metadata.language_info.name}
    notebook.metadata = nbformat.from_dict(kept)
    for cell in notebook.cells:
        cell.metadata = nbformat.from_dict({key: cell.metadata[key] for key in KEPT_CELL_METADATA
                                            if key in cell.metadata})
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None


def main(paths):
    for path in paths or sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        path = pathlib.Path(path)
        before = path.read_text(encoding="utf-8")
        notebook = nbformat.reads(before, as_version=nbformat.NO_CONVERT)
        clean(notebook)
        written = io.StringIO()
        nbformat.write(notebook, written)  # what Jupyter saves a notebook with
        after = written.getvalue()
        if after != before:
            path.write_text(after, encoding="utf-8")
            print(f"cleaned {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
