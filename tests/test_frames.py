"""Pinned-layout frames, the GIF and the offline HTML page; exports read back."""
import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from click.testing import CliRunner
from PIL import Image

import mra_graph
from mra_graph.cli import main
from mra_graph.exports import export, export_bytes
from mra_graph.frames import render_frames
from tests.conftest import ADMINISTRATIONS, MRAS, write_dataset

SVG = "{http://www.w3.org/2000/svg}"


def node_positions(svg: bytes) -> dict[str, tuple[str, str]]:
    root = ET.fromstring(svg)
    positions = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") == "node":
            text = next(group.iter(f"{SVG}text"))
            positions[group.find(f"{SVG}title").text] = (text.get("x"), text.get("y"))
    return positions


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tiny")
    net = mra_graph.load(write_dataset(folder), as_of="2018-06-30")
    frames = [(str(year), net.as_of(f"{year}-12-31")) for year in (2011, 2014, 2016)]
    calls = []
    written = render_frames(frames, folder / "frames", bloc="BLOC", title="Tiny <growth>", progress=calls.append)
    return written, calls


@pytest.mark.requires_graphviz
def test_every_node_sits_at_the_same_coordinates_in_every_frame(rendered):
    written, calls = rendered
    positions = [node_positions(path.read_bytes()) for path in written.svg]
    assert len(positions) == 3 and calls == [1, 1, 1]
    assert positions[0] == positions[1] == positions[2]
    assert {"AA", "BB", "CC", "FF"} <= set(positions[0])


@pytest.mark.requires_graphviz
def test_frames_show_what_changed(rendered):
    written, _ = rendered
    edges = [len(re.findall(r'class="edge"', path.read_text(encoding="utf-8"))) for path in written.svg]
    assert edges == [1, 2, 3]  # AA-BB; + AA-CC; + CC-FF


@pytest.mark.requires_graphviz
def test_gif_and_offline_html(rendered):
    written, _ = rendered
    with Image.open(written.gif) as gif:
        assert gif.n_frames == 3
    page = written.html.read_text(encoding="utf-8")
    assert page.count("<figure") == 3 and page.count("<svg") == 3
    assert "<title>Tiny &lt;growth&gt;</title>" in page
    assert not re.search(r"<script[^>]+src=|<link|@import|https?://(?!www\.w3\.org)", page)
    assert [p.name for p in written.png] == ["frame-001.png", "frame-002.png", "frame-003.png"]


@pytest.mark.requires_graphviz
def test_cli_scenario_render_writes_frames_gif_and_html(tmp_path):
    scenario = tmp_path / "s.toml"
    scenario.write_text('bloc = "BLOC"\n[[steps]]\nlabel = "BB joins"\njoin = { arrangement = "BLOCMRA", '
                        'members = ["BB"] }\n[[steps]]\nlabel = "AA and DD"\nbilateral = { parties = ["AA", "DD"] }\n',
                        encoding="utf-8")
    data = write_dataset(tmp_path / "data")
    result = CliRunner().invoke(main, ["scenario", str(scenario), "--data", str(data), "--as-of", "2018-06-30",
                                       "--render", str(tmp_path / "out"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "frame 3 of 3 written" in result.stderr  # not a terminal: one line per frame
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["animation.gif", "frame-001.png", "frame-001.svg", "frame-002.png", "frame-002.svg",
                     "frame-003.png", "frame-003.svg", "index.html"]  # the baseline and two steps
    first, second = (node_positions((tmp_path / "out" / f"frame-00{i}.svg").read_bytes()) for i in (1, 2))
    assert first == second


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_exports_read_back_with_the_same_nodes_and_edges(tiny, tmp_path, fmt, reader):
    path = export(tiny, tmp_path / f"net.{fmt}")
    graph = reader(path)
    assert set(graph.nodes) == set(tiny.graph.nodes)
    assert {frozenset(e) for e in graph.edges} == {frozenset(e) for e in tiny.graph.edges}


def test_gexf_edges_carry_start_dates_for_gephis_timeline(tiny):
    text = export_bytes(tiny, "gexf").decode()
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    assert 'start="2011-01-01"' in text  # AA-BB in force from 2011-01-01


def test_json_and_csv_exports(tiny):
    data = json.loads(export_bytes(tiny, "json"))
    graph = nx.node_link_graph(data, edges="edges")
    assert graph.edges["AA", "CC"]["arrangements"] == "BLOCMRA" and graph.nodes["AA"]["partners"] == 2
    rows = list(csv.DictReader(io.StringIO(export_bytes(tiny, "csv").decode())))
    assert [(r["a"], r["b"], r["since"]) for r in rows] == [("AA", "BB", "2011-01-01"), ("AA", "CC", "2014-03-01"),
                                                           ("CC", "FF", "2016-01-01")]


def test_csv_export_never_carries_a_formula(tmp_path):
    administrations = ADMINISTRATIONS.replace(",Alpha,", ",=HYPERLINK(\"http://x\"),").replace(",Beta,", ",@SUM(1),")
    net = mra_graph.load(write_dataset(tmp_path, MRAS, administrations), as_of="2018-06-30")
    rows = list(csv.DictReader(io.StringIO(export_bytes(net, "csv").decode())))
    assert rows[0]["name_a"] == "'=HYPERLINK(\"http://x\")" and rows[0]["name_b"] == "'@SUM(1)"
    raw = list(csv.DictReader(io.StringIO(export_bytes(net, "csv", raw=True).decode())))
    assert raw[0]["name_a"] == "=HYPERLINK(\"http://x\")"


def test_cli_export(tiny_path, tmp_path):
    result = CliRunner().invoke(main, ["export", "--data", str(tiny_path), "-o", str(tmp_path / "g.graphml")])
    assert result.exit_code == 0 and nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() == 6
    bad = CliRunner().invoke(main, ["export", "--data", str(tiny_path), "-o", str(tmp_path / "g.xlsx")])
    assert bad.exit_code == 1 and "unknown export format 'xlsx'" in bad.stderr


def test_exports_keep_on_or_before_precision(tiny):
    from mra_graph.exports import export_bytes

    signed = tiny.view("signed")
    rows = list(csv.DictReader(io.StringIO(export_bytes(signed, "csv").decode("utf-8"))))
    bb_dd = next(r for r in rows if (r["a"], r["b"]) == ("BB", "DD"))
    assert (bb_dd["since"], bb_dd["since_precision"]) == ("2015-05-05", "on or before")
    assert 'for="since_precision"' in export_bytes(signed, "gexf").decode("utf-8") or \
        "since_precision" in export_bytes(signed, "gexf").decode("utf-8")
