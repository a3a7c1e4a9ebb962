"""Helpers for the notebook sources: each notebooks/tools/nb_NN.py builds one .ipynb from Markdown and Java cells.

The sources in notebooks/tools are the maintained form; the .ipynb files they write carry no outputs
(run-all.sh executes them and keeps the executed copies and HTML in notebooks/exports)."""
import json
import pathlib
import textwrap

NOTEBOOKS = pathlib.Path(__file__).resolve().parent.parent

HEADER = '''\
// Machine, JDK and date of this run, and the size of the experiments (JP_NOTEBOOK_SCALE=full|small).
String SCALE = System.getenv().getOrDefault("JP_NOTEBOOK_SCALE", "full");
boolean SMALL = SCALE.equals("small");
System.out.printf("JDK %s | %d cores | max heap %d MiB | %s | scale %s%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, java.time.LocalDate.now(), SCALE);
'''


def _source(text):
    lines = textwrap.dedent(text).strip("\n").split("\n")
    return [line + "\n" for line in lines[:-1]] + [lines[-1]]


def md(text):
    return {"cell_type": "markdown", "metadata": {}, "source": _source(text)}


def code(text, raises=False):
    metadata = {"tags": ["raises-exception"]} if raises else {}
    return {"cell_type": "code", "metadata": metadata, "execution_count": None, "outputs": [],
            "source": _source(text)}


def header(sizes):
    """The first code cell of every notebook: machine info, then the sizes for full and small scale."""
    return code(HEADER + textwrap.dedent(sizes).strip("\n"))


def write(name, cells):
    notebook = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"name": "java-parallel", "display_name": "Java (parallel)", "language": "java"},
            "language_info": {"name": "java"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    for index, cell in enumerate(cells):
        cell["id"] = f"{name[:2]}-{index:02d}"
    (NOTEBOOKS / f"{name}.ipynb").write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n")
