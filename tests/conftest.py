"""A small hand-made network whose every metric can be computed by hand.

    AA --(AA-BB, bilateral, in force 2011-01-01)-- BB
    AA --(BLOCMRA, plurilateral: AA from 2013-03-01, CC from 2014-03-01)-- CC
    BB is in BLOCMRA too, but only signed (2012): it counts in the signed view.
    BB --(BB-DD, bilateral, signed on or before 2015-05-05)-- DD
    DD --(DD-EE, bilateral, implemented, no date at all)-- EE
    CC --(CC-FF, terminated 2019-12-31, in force from 2016)-- FF

Blocs: BLOC = AA, BB, CC. EE has no AEO programme.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

import mra_graph

# Property and fuzz tests: few examples in CI, many in a local run: HYPOTHESIS_PROFILE=thorough pytest
settings.register_profile("ci", max_examples=25, deadline=None)
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

HAS_GRAPHVIZ = shutil.which("neato") is not None and shutil.which("dot") is not None


def pytest_configure(config):
    config.addinivalue_line("markers", "requires_graphviz: the test runs Graphviz (neato/dot)")


def require(found, package: str) -> None:
    """Fail (never skip: a skipped test checks nothing) when a system program the test needs is missing."""
    if not found:
        pytest.fail(f"{package} is not installed: 'sudo apt-get install -y {package}' (.ci/run installs it)",
                    pytrace=False)


def pytest_runtest_setup(item):
    if item.get_closest_marker("requires_graphviz"):
        require(HAS_GRAPHVIZ, "graphviz")


ADMINISTRATIONS = """\
code,name,programme,programme_since,region,blocs,source_url
AA,Alpha,Alpha AEO,2008,Asia,BLOC,https://example.org/a
BB,Beta,Beta AEO,,Asia,BLOC,https://example.org/b
CC,Gamma,Gamma AEO,,Asia,BLOC,https://example.org/c
DD,Delta,Delta AEO,,Europe,,https://example.org/d
EE,Epsilon,,,Europe,,https://example.org/e
FF,Phi,Phi AEO,,Africa,,https://example.org/f
"""

MRAS = """\
arrangement,name,kind,party,signed,effective,ended,status,scope,source_url,source_title,notes
AA-BB,Alpha-Beta MRA,bilateral,AA,2010-06,2011-01-01,,implemented,,https://example.org/1,One,
AA-BB,Alpha-Beta MRA,bilateral,BB,2010-06,2011-01-01,,implemented,,https://example.org/1,One,
BB-DD,Beta-Delta MRA,bilateral,BB,<=2015-05-05,,,signed,,https://example.org/2,Two,
BB-DD,Beta-Delta MRA,bilateral,DD,<=2015-05-05,,,signed,,https://example.org/2,Two,
BLOCMRA,Bloc MRA,plurilateral,AA,2012,2013-03-01,,implemented,,https://example.org/3,Three,
BLOCMRA,Bloc MRA,plurilateral,BB,2012,,,signed,,https://example.org/3,Three,
BLOCMRA,Bloc MRA,plurilateral,CC,2012,2014-03-01,,implemented,Level 2 only,https://example.org/3,Three,
DD-EE,Delta-Epsilon MRA,bilateral,DD,,,,implemented,,https://example.org/4,Four,
DD-EE,Delta-Epsilon MRA,bilateral,EE,,,,implemented,,https://example.org/4,Four,
CC-FF,Gamma-Phi MRA,bilateral,CC,2015,2016-01-01,2019-12-31,terminated,,https://example.org/5,Five,
CC-FF,Gamma-Phi MRA,bilateral,FF,2015,2016-01-01,2019-12-31,terminated,,https://example.org/5,Five,
"""


def write_dataset(folder: Path, mras: str = MRAS, administrations: str = ADMINISTRATIONS) -> Path:
    """Write a dataset into ``folder``; return the mras.csv path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "administrations.csv").write_text(administrations, encoding="utf-8")
    path = folder / "mras.csv"
    path.write_text(mras, encoding="utf-8")
    return path


@pytest.fixture
def tiny_path(tmp_path) -> Path:
    return write_dataset(tmp_path / "tiny")


@pytest.fixture
def tiny(tiny_path) -> mra_graph.MRANetwork:
    """The tiny network as of 2018-06-30, implemented view."""
    return mra_graph.load(tiny_path, as_of="2018-06-30")
