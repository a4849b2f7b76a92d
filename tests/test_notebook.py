"""The quick-start notebook runs from top to bottom, so it cannot rot."""
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "quickstart.ipynb"


@pytest.mark.requires_graphviz
def test_quickstart_notebook_runs_and_shows_its_results():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    folder = str(NOTEBOOK.parent.parent)  # as from a checkout; the notebook writes nothing
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": folder}}).execute()
    outputs = [cell.outputs for cell in notebook.cells if cell.cell_type == "code"]
    assert all(output for output in outputs)  # every code cell shows something
    ten = outputs[2][0]["data"]["text/plain"]
    assert ten == "['AU', 'CA', 'CN', 'HK', 'JP', 'KR', 'NZ', 'TH', 'TW', 'US']"
    assert "image/svg+xml" in outputs[-1][0]["data"]
    assert "text/html" in outputs[1][0]["data"]  # DataFrames display as tables
