"""data/ is a valid Frictionless Data Package, and its schema matches the loader's."""
import json
import shutil
from pathlib import Path

import frictionless

from mra_graph.data import ADMINISTRATIONS_OPTIONAL, ADMINISTRATIONS_REQUIRED, KINDS, MRAS_FIELDS, STATUSES

DATA = Path(__file__).resolve().parent.parent / "data"
PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))


def schema(resource: str) -> dict:
    return next(r for r in PACKAGE["resources"] if r["name"] == resource)["schema"]


def test_bundled_package_is_valid():
    report = frictionless.validate(str(DATA / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_schema_fields_match_the_loader():
    mras = {field["name"]: field for field in schema("mras")["fields"]}
    assert list(mras) == list(MRAS_FIELDS)
    assert mras["kind"]["constraints"]["enum"] == list(KINDS)
    assert mras["status"]["constraints"]["enum"] == list(STATUSES)
    administrations = [field["name"] for field in schema("administrations")["fields"]]
    assert set(administrations) == set(ADMINISTRATIONS_REQUIRED + ADMINISTRATIONS_OPTIONAL)


def test_frictionless_catches_bad_dates_and_unknown_parties(tmp_path):
    for name in ("datapackage.json", "administrations.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    lines = (DATA / "mras.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    bad = lines[1].replace(",BN,", ",QQ,", 1).replace("2024-08-01", "1 Aug 2024", 1)
    (tmp_path / "mras.csv").write_text("".join([lines[0], bad, *lines[2:]]), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    errors = set(map(tuple, report.flatten(["rowNumber", "fieldName", "type"])))
    assert (2, "effective", "constraint-error") in errors
    assert (2, None, "foreign-key") in errors
