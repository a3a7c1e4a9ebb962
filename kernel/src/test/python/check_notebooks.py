#!/usr/bin/python3
"""Checks the course notebooks of a folder with nbformat; prints one line per problem and exits 1 if any.

Usage: check_notebooks.py NOTEBOOKS_FOLDER

Every NN-*.ipynb (the maintained sources) and exports/*.ipynb (executed copies) must be JSON that passes
nbformat.validate, the notebook format's schema. The sources must also be in the form notebooks/clean.py
writes, which keeps a review diff to what the teacher edited: no outputs, no execution counts, the
java-parallel kernelspec, a unique id on every cell, no metadata but the kernelspec, the
language's name and cell tags, and the JSON laid out as Jupyter saves it.
"""
import io
import pathlib
import sys

import nbformat

KERNEL = "java-parallel"
NOTEBOOK_METADATA = {"kernelspec", "language_info"}
CELL_METADATA = {"tags"}


def read_valid(path, problems):
    """The text and the notebook at path, or None after adding to problems why it is not a valid notebook."""
    try:
        text = path.read_text(encoding="utf-8")
        notebook = nbformat.reader.reads(text)
        # validate "repairs" missing and repeated cell ids in place: it gets a copy, so the checks below see the file
        nbformat.validate(nbformat.reader.reads(text))
        return text, notebook
    except (ValueError, nbformat.ValidationError) as error:  # not JSON, no nbformat version, or off the schema
        problems.append(f"{path}: not a valid notebook: {str(error).splitlines()[0]}")
        return None


def source_problems(path, text, notebook):
    found = []
    kernel = notebook.metadata.get("kernelspec", {}).get("name")
    if kernel != KERNEL:
        found.append(f"kernelspec {kernel!r}, not {KERNEL!r}")
    extra = sorted(set(notebook.metadata) - NOTEBOOK_METADATA)
    if extra:
        found.append(f"notebook metadata {extra}")
    language = notebook.metadata.get("language_info", {})
    if set(language) - {"name"}:
        found.append(f"language_info {dict(language)} (only its name is kept)")
    seen = set()
    for index, cell in enumerate(notebook.cells):
        where = f"cell {index}"
        cell_id = cell.get("id")
        if not cell_id:
            found.append(f"{where} has no id")
        elif cell_id in seen:
            found.append(f"{where} repeats the id {cell_id!r}")
        seen.add(cell_id)
        extra = sorted(set(cell.metadata) - CELL_METADATA)
        if extra:
            found.append(f"{where} has metadata {extra}")
        if cell.cell_type == "code":
            if cell.outputs:
                found.append(f"{where} has {len(cell.outputs)} output(s)")
            if cell.execution_count is not None:
                found.append(f"{where} has execution count {cell.execution_count}")
    saved = io.StringIO()
    nbformat.write(nbformat.reader.reads(text), saved)  # what Jupyter saves a notebook with
    if saved.getvalue() != text:
        found.append("the JSON is not laid out as Jupyter saves it (key order, indentation, final newline)")
    return [f"{path}: {problem}" for problem in found]


def main(folder):
    folder = pathlib.Path(folder)
    sources = sorted(folder.glob("[0-9][0-9]-*.ipynb"))
    exports = sorted(folder.glob("exports/*.ipynb"))
    in_sources = [] if sources else [f"{folder}: no NN-*.ipynb notebooks"]
    for path in sources:
        read = read_valid(path, in_sources)
        if read:
            in_sources += source_problems(path, *read)
    in_exports = []
    for path in exports:
        read_valid(path, in_exports)
    problems = in_sources + in_exports
    for problem in problems:
        print(problem)
    if in_sources:
        print("to fix a source: python3 notebooks/clean.py, or open it in JupyterLab (see notebooks/README.md)")
    print(f"checked {len(sources)} notebooks and {len(exports)} exports: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
