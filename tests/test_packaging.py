"""A plain (non-editable) install ships the dataset and works from any folder."""
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True)
    [built] = out.glob("mra_graph-*.whl")
    return built


def test_wheel_holds_the_package_and_the_data_but_no_top_level_cli(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ["mra_graph/_data/mras.csv", "mra_graph/_data/administrations.csv", "mra_graph/_data/README.md",
                 "mra_graph/_data/official_lists.csv", "mra_graph/_data/targets.csv",
                 "mra_graph/_data/datapackage.json", "mra_graph/_data/scenarios/aamra.toml",
                 "mra_graph/cli/__init__.py", "mra_graph/cli/options.py", "mra_graph/metrics/coverage.py",
                 "mra_graph/py.typed"]:
        assert name in names
    assert "cli.py" not in names and not any(n.startswith("tests/") for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "mra-graph = mra_graph.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_reports_from_another_folder(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", "import mra_graph, sys; from mra_graph.cli import main; import mra_graph.cli as cli; "
                               "print(mra_graph.__file__, cli.__file__, file=sys.stderr); main(['report'])"],
        cwd=elsewhere, env={**os.environ, "PYTHONPATH": str(target)}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(str(target)) >= 2  # the installed copy ran, its CLI too, not the checkout
    assert "Singapore (SG):" in result.stdout
