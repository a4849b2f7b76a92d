"""Properties that hold on any network: checked on random ones (hypothesis)."""
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mra_graph
from tests.conftest import write_dataset

CODES = ["AA", "BB", "CC", "DD", "EE", "FF", "GG"]
PAIRS = list(itertools.combinations(CODES, 2))
HEADER = "arrangement,name,kind,party,signed,effective,ended,status,scope,source_url,source_title,notes\n"
ADMINISTRATIONS = "code,name,programme,programme_since,region,blocs,source_url\n" + "".join(
    f"{c},Name {c},AEO,,Region,{'BLOC' if c < 'DD' else ''},https://x.org/{c}\n" for c in CODES)

arrangements = st.lists(
    st.tuples(st.sampled_from(PAIRS), st.integers(2007, 2025), st.sampled_from(["signed", "implemented"])),
    unique_by=lambda item: item[0], max_size=len(PAIRS))


def network(folder, items):
    rows = "".join(
        f"{a}-{b},{a}-{b},bilateral,{party},{year},{year + 1 if status == 'implemented' else ''},,{status},,"
        f"https://x.org,T,\n"
        for (a, b), year, status in items for party in (a, b))
    return mra_graph.load(write_dataset(folder, HEADER + rows, ADMINISTRATIONS), as_of="2026-01-01")


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=arrangements)
def test_coverage_is_symmetric_and_matches_the_edges(tmp_path, items):
    net = network(tmp_path, items).view("signed")
    covered = {code: set(mra_graph.coverage(net, code)["partner"]) for code in CODES}
    for a in CODES:
        for b in covered[a]:
            assert a in covered[b]
    assert sum(map(len, covered.values())) == 2 * len(items)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=arrangements, hops=st.integers(1, 4))
def test_reach_grows_with_k_and_starts_with_coverage(tmp_path, items, hops):
    net = network(tmp_path, items).view("signed")
    near = mra_graph.reach(net, "AA", hops=hops)
    far = mra_graph.reach(net, "AA", hops=hops + 1)
    assert set(near["administration"]) <= set(far["administration"])
    assert sorted(near.loc[near["hops"] == 1, "administration"]) == sorted(mra_graph.coverage(net, "AA")["partner"])


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=arrangements)
def test_implemented_view_is_inside_the_signed_view(tmp_path, items):
    net = network(tmp_path, items)
    assert set(net.graph.edges) <= set(net.view("signed").graph.edges)
    assert 0 <= mra_graph.bloc_density(net, "BLOC") <= mra_graph.bloc_density(net.view("signed"), "BLOC") <= 1
