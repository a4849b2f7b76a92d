"""Safe outputs under interruption, clear errors, and a light start-up."""
import json
import pytest
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
import xml.etree.ElementTree as ET

from click.testing import CliRunner

from mra_graph.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.mark.requires_graphviz
def test_a_render_killed_at_random_moments_never_leaves_a_broken_svg(tmp_path):
    target = tmp_path / "network.svg"
    writer = textwrap.dedent(f"""
        import mra_graph
        drawing = mra_graph.diagram(mra_graph.load(as_of="2024-08-19"))
        svg = drawing.render("svg")
        from mra_graph._io import atomic_write_bytes
        print("ready", flush=True)
        while True:
            atomic_write_bytes({str(target)!r}, svg)
    """)
    rng = random.Random(11)
    for _ in range(8):
        process = subprocess.Popen([sys.executable, "-c", writer], cwd=ROOT, stdout=subprocess.PIPE)
        assert process.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.3))
        process.send_signal(signal.SIGKILL)
        process.wait()
        if target.exists():
            root = ET.parse(target).getroot()  # a complete document, or this raises
            assert root.tag.endswith("svg")
    assert target.exists()


def test_a_write_interrupted_midway_keeps_the_old_file(tmp_path, monkeypatch):
    from mra_graph import _io

    path = tmp_path / "report.txt"
    _io.atomic_write_text(path, "old")

    def interrupted(descriptor):
        raise KeyboardInterrupt  # as if the user pressed Ctrl-C after the bytes were written

    monkeypatch.setattr(_io.os, "fsync", interrupted)
    try:
        _io.atomic_write_text(path, "new")
    except KeyboardInterrupt:
        pass
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]  # the temporary file is gone


def test_csv_output_never_carries_a_formula(tmp_path):
    from tests.conftest import ADMINISTRATIONS, MRAS, write_dataset

    data = write_dataset(tmp_path, MRAS, ADMINISTRATIONS.replace(",Beta,", ",=cmd|' /C calc'!A0,"))
    args = ["coverage", "AA", "--data", str(data), "--as-of", "2018-06-30", "--format", "csv"]
    guarded = CliRunner().invoke(main, args).stdout
    assert ",'=cmd|' /C calc'!A0," in guarded
    raw = CliRunner().invoke(main, [*args, "--raw"]).stdout
    assert ",=cmd|' /C calc'!A0," in raw


def test_debug_shows_the_traceback_otherwise_none():
    quiet = CliRunner().invoke(main, ["coverage", "XQ"])
    assert quiet.exit_code == 1 and "Traceback" not in quiet.output
    loud = CliRunner().invoke(main, ["--debug", "coverage", "XQ"])
    assert loud.exit_code == 1 and type(loud.exception).__name__ == "UnknownCodeError"


def test_unwritable_output_is_a_clear_error(tmp_path):
    (tmp_path / "file").write_text("x")
    result = CliRunner().invoke(main, ["coverage", "SG", "-o", str(tmp_path / "file" / "out.csv")])
    assert result.exit_code == 1
    assert f"cannot write {tmp_path / 'file' / 'out.csv'}" in result.stderr and "Traceback" not in result.output


def imported_after(args: list[str]) -> set[str]:
    code = ("import sys, json\nfrom mra_graph.cli import main\n"
            f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
            "print(json.dumps(sorted(sys.modules)), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def test_help_and_version_import_neither_pandas_nor_networkx():
    for args in (["--help"], ["--version"], ["coverage", "--help"]):
        modules = imported_after(args)
        assert not {"pandas", "networkx", "pydot"} & modules, args


def test_a_plain_query_imports_only_what_it_uses():
    modules = imported_after(["coverage", "SG", "--format", "csv"])
    assert {"pandas", "networkx"} <= modules
    assert not {"pydot", "PIL", "frictionless", "tomllib", "mra_graph.render", "mra_graph.scenarios"} & modules


@pytest.mark.requires_graphviz
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_render_stops_cleanly_with_only_complete_frames(tmp_path, sig):
    from mra_graph.layout import check_complete

    out = tmp_path / "frames"
    process = subprocess.Popen([sys.executable, "-m", "mra_graph", "scenario", "aamra", "--as-of", "2022-06-07",
                                "--render", str(out), "--format", "json"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and not list(out.glob("frame-*.png")):
        time.sleep(0.05)
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr.decode()
    assert b"interrupted" in stderr and b"Traceback" not in stderr
    time.sleep(0.5)  # nothing may appear after the exit
    names = sorted(p.name for p in out.iterdir())
    assert "index.html" not in names and not [n for n in names if n.endswith(".tmp")]
    for path in out.iterdir():
        check_complete(path.read_bytes(), path.suffix.lstrip("."))  # raises on a broken file
