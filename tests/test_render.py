"""Diagrams drawn by the real Graphviz, and inspected as SVG, PNG, PDF and DOT."""
import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

import mra_graph
import mra_graph.layout
from mra_graph.cli import main
from mra_graph.errors import GraphvizNotFound
from mra_graph.layout import quote
from mra_graph.render import diagram
from tests.conftest import ADMINISTRATIONS, MRAS, write_dataset

GOLDEN = Path(__file__).parent / "golden" / "tiny.dot"
SVG = "{http://www.w3.org/2000/svg}"
PINNED = {"AA": (100.0, 100.0), "BB": (300.0, 100.0), "CC": (200.0, 250.0), "DD": (450.0, 250.0),
          "EE": (600.0, 250.0), "FF": (50.0, 400.0), "__bloc__": (200.0, 160.0), "__bloc_size__": (400.0, 300.0)}


def titles(svg: bytes) -> set[str]:
    root = ET.fromstring(svg)
    return {g.find(f"{SVG}title").text for g in root.iter(f"{SVG}g") if g.get("class") == "node"}


def test_dot_is_deterministic_and_matches_the_golden_file(tiny):
    dot = diagram(tiny.view("signed"), bloc="BLOC", positions=PINNED, route=False).to_dot()
    assert dot == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.requires_graphviz
def test_shuffled_input_gives_the_same_dot(tmp_path, tiny):
    header, *rows = MRAS.splitlines(keepends=True)
    random.Random(4).shuffle(rows)
    admin_header, *admins = ADMINISTRATIONS.splitlines(keepends=True)
    random.Random(5).shuffle(admins)
    shuffled = mra_graph.load(write_dataset(tmp_path / "shuffled", header + "".join(rows),
                                            admin_header + "".join(admins)), as_of="2018-06-30")
    assert diagram(shuffled, bloc="BLOC").to_dot() == diagram(tiny, bloc="BLOC").to_dot()


@pytest.mark.requires_graphviz
def test_svg_node_titles_are_codes_and_the_bloc_is_a_box(tiny):
    drawing = diagram(tiny.view("signed"), bloc="BLOC")
    assert titles(drawing.render("svg")) >= {"AA", "BB", "CC", "DD", "FF", "BLOC (bloc)"}
    assert "Alpha" in drawing.render("svg").decode()


@pytest.mark.parametrize("suffix, magic", [(".svg", b"<?xml"), (".png", b"\x89PNG"), (".pdf", b"%PDF"),
                                           (".dot", b"/* Made by mra-graph")])
@pytest.mark.requires_graphviz
def test_save_follows_the_extension(tiny, tmp_path, suffix, magic):
    path = diagram(tiny, bloc="BLOC").save(tmp_path / f"net{suffix}")
    assert path.read_bytes().startswith(magic)


@pytest.mark.requires_graphviz
def test_the_default_png_is_a_slide(tmp_path):
    from PIL import Image

    path = diagram(mra_graph.load(as_of="2025-03-01"), bloc="ASEAN").save(tmp_path / "n.png")
    with Image.open(path) as image:
        assert 1700 <= image.width <= 1920 and 1000 <= image.height <= 1080, image.size
        assert 1.6 < image.width / image.height < 1.9  # 16:9, give or take the title
    assert path.stat().st_size < 1.5e6


@pytest.mark.requires_graphviz
@pytest.mark.parametrize("size, aspect", [("a4", 11.69 / 8.27), ("square", 1.0)])
def test_other_page_sizes_fill_their_proportions(tmp_path, size, aspect):
    from PIL import Image

    path = diagram(mra_graph.load(as_of="2025-03-01"), bloc="ASEAN", size=size).save(tmp_path / "n.png")
    with Image.open(path) as image:
        assert abs(image.width / image.height - aspect) < 0.12, image.size


@pytest.mark.requires_graphviz
def test_svg_scales_to_its_container(tiny):
    head = diagram(tiny, bloc="BLOC").render("svg")[:600].decode()
    assert '<svg width="100%"' in head and "viewBox=" in head and 'height="' not in head.split("<svg")[1][:80]


@pytest.mark.requires_graphviz
@pytest.mark.parametrize("program", ["dot", "neato"])
def test_the_exported_dot_opens_in_plain_graphviz_at_a_sensible_size(tmp_path, program):
    import subprocess
    import time

    from PIL import Image

    path = diagram(mra_graph.load(as_of="2025-03-01"), bloc="ASEAN").save(tmp_path / "n.dot")
    assert path.read_text(encoding="utf-8").startswith("/* Made by mra-graph")
    start = time.perf_counter()
    png = subprocess.run([program, "-Tpng", str(path)], capture_output=True, check=True, timeout=120).stdout
    assert time.perf_counter() - start < 60
    out = tmp_path / "plain.png"
    out.write_bytes(png)
    with Image.open(out) as image:
        assert image.width <= 2000 and image.height <= 2000, image.size


@pytest.mark.requires_graphviz
def test_unknown_extension_is_refused(tiny, tmp_path):
    with pytest.raises(mra_graph.MRAGraphError, match="cannot tell the format"):
        diagram(tiny, bloc="BLOC").save(tmp_path / "net.jpeg")


@pytest.mark.requires_graphviz
def test_focus_holds_the_administration_and_all_its_partners():
    net = mra_graph.load()
    svg = diagram(net, focus="SG").render("svg")
    partners = set(mra_graph.coverage(net, "SG")["partner"])
    assert {"SG"} | partners <= titles(svg)
    assert "its partners (bold)" in svg.decode()


HOSTILE = 'Evil "quote" \\back\\slash\nnew line <b>&amp;</b> {brace} ; -- ]] é 中文 🙂'


@pytest.mark.requires_graphviz
def test_hostile_text_in_every_free_text_column_renders(tmp_path):
    administrations = ADMINISTRATIONS.replace("Alpha AEO", f'"{HOSTILE.replace(chr(34), 2 * chr(34))}"')
    administrations = administrations.replace(",Alpha,", f',"{HOSTILE.replace(chr(34), 2 * chr(34))}",')
    mras = MRAS.replace("Alpha-Beta MRA", f'"{HOSTILE.replace(chr(34), 2 * chr(34))}"')
    mras = mras.replace(",One,", f',"{HOSTILE.replace(chr(34), 2 * chr(34))}",')
    net = mra_graph.load(write_dataset(tmp_path, mras, administrations), as_of="2018-06-30")
    assert net.name_of("AA") == HOSTILE
    svg = diagram(net, bloc="BLOC").render("svg")
    root = ET.fromstring(svg)
    text = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert 'Evil "quote" \\back\\slash' in text and "<b>&amp;</b>" in text and "🙂" in text
    assert titles(svg) >= {"AA", "BB"}


def test_quote_escapes_for_dot():
    assert quote('a "b" \\ c\nd') == '"a \\"b\\" \\\\ c\\nd"'


def test_missing_graphviz_says_how_to_install_and_writes_the_dot(tiny, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # before the diagram is built: no layout either
    drawing = diagram(tiny, bloc="BLOC")
    with pytest.raises(GraphvizNotFound, match="apt-get install graphviz.*brew install graphviz.*conda"):
        drawing.save(tmp_path / "net.png")
    assert (tmp_path / "net.dot").read_text(encoding="utf-8") == drawing.to_dot()
    assert not (tmp_path / "net.png").exists()


def test_cli_render_without_graphviz_exits_1(tiny_path, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = CliRunner().invoke(main, ["render", "--data", str(tiny_path), "--bloc", "BLOC",
                                       "-o", str(tmp_path / "n.svg")])
    assert result.exit_code == 1 and "Graphviz's 'neato' program was not found" in result.stderr
    assert "Traceback" not in result.output and (tmp_path / "n.dot").read_text(encoding="utf-8").startswith("/* Made")
    dot_only = CliRunner().invoke(main, ["render", "--data", str(tiny_path), "-o", str(tmp_path / "only.dot")])
    assert dot_only.exit_code == 0 and (tmp_path / "only.dot").is_file()  # DOT needs no Graphviz


@pytest.mark.requires_graphviz
def test_cli_render_default_destination(tiny_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["render", "--data", str(tiny_path), "--bloc", "BLOC", "--as-of",
                                       "2018-06-30", "--focus", "AA"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "outputs" / "network-2018-06-30-implemented-AA.svg"
    assert titles(written.read_bytes()) >= {"AA", "BB", "CC"}


@pytest.mark.requires_graphviz
def test_legend_explains_the_line_styles_the_view_can_show(tiny):
    assert "not in force" not in diagram(tiny, bloc="BLOC").to_dot()          # implemented: all solid
    assert "not in force" in diagram(tiny.view("signed"), bloc="BLOC").to_dot()
    assert "under negotiation" in diagram(tiny.view("pipeline"), bloc="BLOC").to_dot()


def _boxes_and_lines(svg: bytes):
    """Each node's bounding box and each edge's path points, from the SVG Graphviz drew."""
    root = ET.fromstring(svg)
    boxes, lines = {}, []
    for group in root.iter(f"{SVG}g"):
        title = group.find(f"{SVG}title")
        if title is None or group.get("class") not in ("node", "edge"):
            continue
        shapes = list(group.iter(f"{SVG}path")) + list(group.iter(f"{SVG}polygon"))
        numbers = [[float(v) for v in re.findall(r"-?\d+\.?\d*", shape.get("d") or shape.get("points"))]
                   for shape in shapes]
        if group.get("class") == "node":
            points = [p for ns in numbers for p in zip(ns[0::2], ns[1::2])]
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            boxes[title.text] = (min(xs), min(ys), max(xs), max(ys))
        else:
            path = next(ns for ns in numbers)  # the line itself (the rest are arrowheads, if any)
            lines.append((title.text.split("--"), list(zip(path[0::2], path[1::2]))))
    return boxes, lines


def _crossings(svg: bytes, margin: float = 3.0) -> list:
    boxes, lines = _boxes_and_lines(svg)
    crossed = []
    for ends, points in lines:
        samples = []
        for i in range(0, len(points) - 3, 3):  # cubic Bezier segments: sample each
            p0, p1, p2, p3 = points[i:i + 4]
            samples += [tuple((1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t * t * c + t ** 3 * d
                              for a, b, c, d in zip(p0, p1, p2, p3)) for t in (k / 20 for k in range(21))]
        for name, (x0, y0, x1, y1) in boxes.items():
            if name not in ends and "(bloc)" not in name and any(
                    x0 + margin < x < x1 - margin and y0 + margin < y < y1 - margin for x, y in samples):
                crossed.append((*ends, name))
    return crossed


@pytest.mark.requires_graphviz
@pytest.mark.parametrize("focus", [None, "SG"])
def test_no_line_passes_through_a_box_it_does_not_end_at(focus):
    net = mra_graph.load(as_of="2025-03-01")
    svg = diagram(net, bloc="ASEAN", focus=focus).render("svg")
    boxes, lines = _boxes_and_lines(svg)
    assert len(lines) > 50 and len(boxes) > 30  # the figure is really there
    assert _crossings(svg) == []
    unrouted = diagram(net, bloc="ASEAN", focus=focus, route=False).render("svg")
    assert _crossings(unrouted), "the check can fail: straight lines do cross boxes"


def test_since_bands_new_pairs_and_marks_ended_ones(tiny_path):
    net = mra_graph.load(tiny_path, as_of="2020-06-30", view="signed")
    dot = diagram(net, bloc="BLOC", since="2012-06-30", route=False).to_dot()
    # BB-DD was signed (on or before) 2015-05-05: new since 2012, in a gold band.
    assert re.search(r'"BB" -- "DD" \[color="#f0a800:#525252:#f0a800"', dot) and "new since 2012-06-30" in dot
    assert not re.search(r'"AA" -- "BB" \[color="#f0a800', dot)  # recognising each other since 2011
    # CC-FF ran from 2016 to 2019-12-31: on 2018-06-30 it was there, now it is red dashes (FF drawn for it).
    later = diagram(net, bloc="BLOC", since="2018-06-30", route=False).to_dot()
    assert re.search(r'"CC" -- "FF" \[color="#b2182b", penwidth=2.0, style=dashed', later)
    assert "ended since 2018-06-30" in later and '"FF" [' in later


def test_an_aamra_line_has_its_own_colour(tiny):
    dot = diagram(tiny, bloc="BLOC", route=False).to_dot()
    assert re.search(r'"AA" -- "CC" \[color="#00827f"', dot)  # BLOCMRA, the bloc's own arrangement
    assert "#e6550d" not in dot.split("</TABLE>")[-1]  # no 'other plurilateral' line in this network


def test_bloc_only_shows_the_members_their_partners_and_only_their_lines(tiny_path):
    net = mra_graph.load(tiny_path, as_of="2018-06-30")
    dot = diagram(net, bloc="BLOC", bloc_only=True, route=False).to_dot()
    drawn = set(re.findall(r'^"([A-Z]{2})" \[', dot, flags=re.M))
    assert drawn == {"AA", "BB", "CC", "FF"}  # the members, and FF, CC's partner; not DD or EE
    lines = set(re.findall(r'^"([A-Z]{2})" -- "([A-Z]{2})"', dot, flags=re.M))
    assert lines == {("AA", "BB"), ("AA", "CC"), ("CC", "FF")}


def test_geo_layout_puts_administrations_where_their_capitals_are():
    from mra_graph.layout import geo_layout

    net = mra_graph.load(as_of="2025-12-31")
    nodes = ["SG", "MY", "JP", "US", "EU", "AU", "GB", "CH"]
    at = geo_layout(net, nodes)
    assert at["US"][0] < at["EU"][0] < at["SG"][0] < at["JP"][0]  # west to east
    assert at["AU"][1] < at["SG"][1] < at["JP"][1] < at["EU"][1]  # south to north
    for a in nodes:  # no two boxes overlap after the nudging
        for b in nodes:
            if a < b:
                (ax, ay), (bx, by) = at[a], at[b]
                half = (mra_graph.layout.box_width(net.name_of(a)) + mra_graph.layout.box_width(net.name_of(b))) * 36
                assert abs(ax - bx) >= half or abs(ay - by) >= 43, (a, b)


@pytest.mark.requires_graphviz
def test_cli_render_a_map(tmp_path):
    result = CliRunner().invoke(main, ["render", "--as-of", "2025-12-31", "--layout", "geo",
                                       "-o", str(tmp_path / "map.svg")])
    assert result.exit_code == 0, result.output
    svg = (tmp_path / "map.svg").read_bytes()
    assert {"SG", "EU", "US"} <= titles(svg)
    assert _crossings(svg) == []  # boxes far enough apart for every line to go round them
    assert _svg_smallest_text(svg, (13.333, 7.5)) >= 13.8  # a world map of 60-odd boxes: near reading size


def test_matrix_figure_cells_by_relation(tiny_path):
    from mra_graph.matrix_figure import matrix_diagram, relation

    net = mra_graph.load(tiny_path, as_of="2018-06-30")
    assert relation(net, "AA", "BB", "BLOCMRA") == "bilateral" and relation(net, "AA", "CC", "BLOCMRA") == "bloc"
    assert relation(net, "BB", "CC", "BLOCMRA") == "none"
    assert relation(net.view("signed"), "BB", "CC", "BLOCMRA") == "signed"  # BB only signed the bloc's MRA
    dot = matrix_diagram(net, "BLOC").to_dot()
    assert "Alpha (AA)" in dot and "<B>FF</B>" in dot  # CC's outside partner FF is a column


@pytest.mark.requires_graphviz
def test_cli_render_matrix_is_a_slide(tmp_path):
    from PIL import Image

    result = CliRunner().invoke(main, ["render", "--as-of", "2025-12-31", "--matrix", "-o", str(tmp_path / "m.png")])
    assert result.exit_code == 0, result.output
    with Image.open(tmp_path / "m.png") as image:
        assert image.width == 1920 and image.height <= 1080


@pytest.mark.requires_graphviz
def test_animation_frames_route_their_lines_around_the_boxes_too(tmp_path):
    from mra_graph.frames import render_frames

    net = mra_graph.load(as_of="2025-03-01")
    frames = [("2016", net.as_of("2016-12-31")), ("2025", net)]
    written = render_frames(frames, tmp_path / "f", bloc="ASEAN", workers=1)
    for svg in written.svg:
        boxes, lines = _boxes_and_lines(svg.read_bytes())
        assert len(lines) > 20 and _crossings(svg.read_bytes()) == []
        assert _svg_smallest_text(svg.read_bytes(), (13.333, 7.5)) >= 14.0  # frames are slides too


def _svg_smallest_text(svg: bytes, page: tuple[float, float]) -> float:
    """The smallest text of an SVG, in points, once its viewBox is fitted to ``page`` (inches)."""
    root = ET.fromstring(svg)
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    scale = float(re.search(r"scale\(([\d.]+)", root.find(f"{SVG}g").get("transform")).group(1))
    fit = min(page[0] * 72 / width, page[1] * 72 / height)
    return min(float(text.get("font-size")) for text in root.iter(f"{SVG}text")) * scale * fit


@pytest.mark.requires_graphviz
@pytest.mark.parametrize("as_of, focus", [("2025-03-01", None), ("2025-03-01", "SG"), ("2016-01-01", "SG")])
def test_slide_text_is_at_least_14_pt_and_render_says_how_large(as_of, focus):
    drawn = diagram(mra_graph.load(as_of=as_of), bloc="ASEAN", focus=focus)
    measured = _svg_smallest_text(drawn.render("svg"), (13.333, 7.5))
    assert measured >= 14.0
    assert drawn.smallest_label() == pytest.approx(measured, abs=0.4)  # what render reports is what is drawn
    dense = diagram(mra_graph.load(as_of=as_of, view="pipeline"), bloc="ASEAN", size="a4")
    assert dense.smallest_label() == pytest.approx(_svg_smallest_text(dense.render("svg"), (11.69, 8.27)), abs=0.4)


@pytest.mark.requires_graphviz
def test_svg_drawn_with_the_png_shows_its_whole_page(tiny):
    """One Graphviz run for SVG and PNG (animation frames) scales the SVG's content by the PNG's dpi:
    its viewBox must grow with it, or a browser shows only the top-left corner."""
    drawn = diagram(tiny, bloc="BLOC").render_all(("svg", "png"))
    root = ET.fromstring(drawn["svg"])
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    scale = float(re.search(r"scale\(([\d.]+)", root.find(f"{SVG}g").get("transform")).group(1))
    page = root.find(f"{SVG}g").find(f"{SVG}polygon").get("points").split()
    xs = [float(p.split(",")[0]) for p in page]
    ys = [float(p.split(",")[1]) for p in page]
    assert (max(xs) - min(xs)) * scale == pytest.approx(width, rel=0.02)
    assert (max(ys) - min(ys)) * scale == pytest.approx(height, rel=0.02)
