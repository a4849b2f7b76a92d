"""Source quality of the bundled data: official sources first, clean addresses, a date for every source."""
import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from mra_graph.data import read_dataset
from mra_graph.dates import parse_date

# A host is official when one of its labels marks a government domain (customs.gov.sg, mof.go.jp,
# sunat.gob.pe, cbsa-asfc.gc.ca, customs.govt.nz, bazg.admin.ch, cbp.gov) or it belongs to one of these
# customs administrations, governments or intergovernmental bodies whose domains carry no such label
# (naccscenter.com publishes Japan Customs' notices to users of its customs system).
GOVERNMENT_LABELS = {"gov", "go", "gob", "gouv", "govt", "gc", "admin", "gv", "mil"}
OFFICIAL_HOSTS = {
    "europa.eu", "asean.org", "wcoomd.org", "eaeunion.org", "eac.int", "sacu.int", "un.org", "gcc-sg.org",
    "korea.kr", "toll.no", "tullverket.se", "aduana.cl", "zoll.de", "douane.gouv.fr", "customs.ru",
    "customs.gov.cn", "mof.go.jp", "canada.ca", "naccscenter.com", "revenue.ie", "obr.bi", "aduanas.gub.uy",
    "loc.gov", "eur-lex.europa.eu", "zatca.gov.sa", "wcoasiapacific.org",
}
#: The share of arrangements with an official source_url on at least one row; it may rise, never fall.
MINIMUM_OFFICIAL_SHARE = 0.535  # measured 102 of 189 (54.0%) in December 2026
TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|BC$|preview|ref$|share$)", re.I)


def is_official(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    labels = host.split(".")
    if labels[-1] in {"gov", "mil", "int"} or GOVERNMENT_LABELS & set(labels[:-1]):
        return True
    return any(host == h or host.endswith("." + h) for h in OFFICIAL_HOSTS)


@pytest.fixture(scope="module")
def mras():
    return read_dataset().mras


def test_is_official_reads_hosts():
    assert is_official("https://www.customs.gov.sg/news") and is_official("https://www.cbp.gov/x")
    assert is_official("https://www.mof.go.jp/policy/customs_tariff/") and is_official("https://kbscustoms.asean.org/")
    assert not is_official("https://www.straitstimes.com/x") and not is_official("https://govtech-news.com/x")


def test_official_sources_share_does_not_slip(mras):
    per_arrangement = mras.groupby("arrangement")["source_url"].apply(lambda urls: any(map(is_official, urls)))
    share = per_arrangement.mean()
    print(f"\narrangements citing an official source in source_url: {per_arrangement.sum()} of "
          f"{len(per_arrangement)} ({share:.1%})")
    assert share >= MINIMUM_OFFICIAL_SHARE


def test_no_tracking_or_preview_parameters_in_addresses(mras):
    for url in set(mras["source_url"]):
        junk = [key for key, _ in parse_qsl(urlsplit(url).query) if TRACKING.match(key)]
        assert not junk, (url, junk)


def test_every_source_has_its_date(mras):
    missing = mras.loc[mras["source_date"] == "", ["arrangement", "party"]].values.tolist()
    assert missing == []
    for text in mras["source_date"]:
        assert not parse_date(text).upper_bound


def test_no_implemented_row_counts_only_today(mras):
    undated = mras[(mras["status"] == "implemented") & (mras["effective"] == "") & (mras["source_date"] == "")]
    assert undated.empty, undated[["arrangement", "party"]].values.tolist()
