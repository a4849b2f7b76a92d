"""Any input either loads or raises the documented error; properties hold on random inputs."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mra_graph
import pytest
from mra_graph.errors import DataValidationError
from mra_graph.metrics.leverage import power_indices
from mra_graph.render import diagram
from mra_graph.scenarios import ScenarioError, load_scenario, run_scenario
from mra_graph.weights import read_weights
from tests.conftest import ADMINISTRATIONS, MRAS, write_dataset
from tests.test_properties import ADMINISTRATIONS as RANDOM_ADMINISTRATIONS
from tests.test_properties import CODES, arrangements, network

FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
HEADER = MRAS.splitlines()[0]
cells = st.one_of(st.sampled_from(["AA", "BB", "CC", "AA-BB", "bilateral", "plurilateral", "signed", "implemented",
                                   "2020", "2020-02-30", "<=2021-01-01", "https://x.org", "", '"', "\n", "NA"]),
                  st.text(max_size=12))
rows = st.lists(st.lists(cells, min_size=10, max_size=14), max_size=6)


def csv_line(fields):
    return ",".join('"' + f.replace('"', '""') + '"' for f in fields)


@settings(suppress_health_check=FIXTURES)
@given(content=st.binary(max_size=400))
def test_any_bytes_load_or_raise_the_documented_error(tmp_path, content):
    path = write_dataset(tmp_path)
    path.write_bytes(content)
    try:
        mra_graph.load(path, as_of="2020-01-01").graph
    except DataValidationError as error:
        assert all(str(problem).startswith(str(path)) for problem in error.problems)


@settings(suppress_health_check=FIXTURES)
@given(table=rows)
def test_any_csv_rows_load_or_raise_the_documented_error(tmp_path, table):
    path = write_dataset(tmp_path, HEADER + "\n" + "\n".join(csv_line(row) for row in table) + "\n")
    try:
        net = mra_graph.load(path, as_of="2030-01-01")
        mra_graph.coverage_counts(net)
    except DataValidationError as error:
        assert error.problems and all(problem.line >= 1 for problem in error.problems)


@settings(suppress_health_check=FIXTURES)
@given(content=st.one_of(st.binary(max_size=300), st.lists(st.lists(cells, min_size=4, max_size=7), max_size=5)
                         .map(lambda t: ("reporter,partner,value,year,source_url\n" +
                                         "\n".join(csv_line(r) for r in t)).encode())))
def test_any_weights_file_loads_or_raises_the_documented_error(tmp_path, content):
    path = tmp_path / "weights.csv"
    path.write_bytes(content)
    try:
        table = read_weights(path, known={"AA", "BB"})
        assert (table["value"] >= 0).all()
    except DataValidationError:
        pass


toml_values = st.recursive(
    st.one_of(st.text(max_size=8), st.integers(), st.booleans(), st.sampled_from(["AAMRA", "SG", "VN", "ASEAN"])),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(
        st.sampled_from(["arrangement", "members", "bloc", "partner", "parties", "x"]), inner, max_size=3)),
    max_leaves=8)
steps = st.dictionaries(st.sampled_from(["label", "date", "join", "bilateral", "bloc_arrangement", "zzz"]),
                        toml_values, max_size=3)


def toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return '"' + value.encode("unicode_escape").decode().replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(map(toml, value)) + "]"
    return "{ " + ", ".join(f"{k} = {toml(v)}" for k, v in value.items()) + " }"


@settings(suppress_health_check=FIXTURES)
@given(raw=st.one_of(st.text(max_size=200), st.lists(steps, max_size=3).map(
    lambda items: "".join("[[steps]]\n" + "".join(f"{k} = {toml(v)}\n" for k, v in step.items())
                          for step in items))))
def test_any_scenario_text_parses_or_raises_a_scenario_error(tmp_path, raw):
    path = tmp_path / "s.toml"
    path.write_text(raw, encoding="utf-8")
    try:
        scenario = load_scenario(path)
        run_scenario(mra_graph.load(as_of="2025-03-01"), scenario)
    except ScenarioError as error:
        assert str(error)


@settings(suppress_health_check=FIXTURES, max_examples=10)
@given(names=st.lists(st.text(min_size=1, max_size=30).filter(lambda t: t.strip() and t == t.strip()
                                                             and "\x00" not in t), min_size=3, max_size=3))
@pytest.mark.requires_graphviz
def test_dot_built_from_any_text_renders(tmp_path, names):
    quoted = ['"' + n.replace('"', '""') + '"' for n in names]
    administrations = (ADMINISTRATIONS.replace(",Alpha,", f",{quoted[0]},").replace(",Beta,", f",{quoted[1]},")
                       .replace(",Gamma,", f",{quoted[2]},"))
    try:
        net = mra_graph.load(write_dataset(tmp_path, MRAS, administrations), as_of="2018-06-30")
    except DataValidationError:
        return  # e.g. a name made only of characters the CSV reader strips
    svg = diagram(net, bloc="BLOC").render("svg")
    assert svg.startswith(b"<?xml") and b"</svg>" in svg


@settings(suppress_health_check=FIXTURES)
@given(items=arrangements, joining=st.lists(st.sampled_from(CODES), min_size=1, unique=True))
def test_joins_never_reduce_anyones_coverage(tmp_path, items, joining):
    bloc = "".join(f"PL,Bloc,plurilateral,{code},2010,2011,,implemented,,https://x.org,T,\n" for code in ("AA", "DD"))
    net = network(tmp_path, items)
    net = mra_graph.MRANetwork(mra_graph.read_dataset(write_dataset(
        tmp_path / "with-bloc", (tmp_path / "mras.csv").read_text(encoding="utf-8") + bloc, RANDOM_ADMINISTRATIONS)),
        as_of="2026-01-01")
    after = net.with_members("PL", joining)
    for code in CODES:
        assert set(net.graph[code]) <= set(after.graph[code])
    assert set(after.graph["AA"]) >= set(joining) - {"AA"}


@given(weights=st.lists(st.integers(0, 20), min_size=1, max_size=7), quota=st.floats(0.05, 1.0))
def test_power_indices_sum_to_one_and_respect_null_players(weights, quota):
    players = {f"P{i}": float(w) for i, w in enumerate(weights)}
    if not sum(players.values()):
        return
    table = power_indices(players, quota=quota).set_index("member")
    for column in ("banzhaf", "shapley_shubik"):
        assert abs(table[column].sum() - 1) < 1e-4
    for player, weight in players.items():
        if weight == 0:
            assert table.loc[player, "banzhaf"] == 0 and table.loc[player, "shapley_shubik"] == 0


@given(size=st.integers(1, 8))
def test_equal_weights_give_equal_power(size):
    table = power_indices({f"P{i}": 1.0 for i in range(size)})
    assert table["banzhaf"].nunique() == 1 and table["shapley_shubik"].nunique() == 1
