"""Doctests run with the package's public API and the bundled data at hand."""
import pytest

import mra_graph


@pytest.fixture(autouse=True)
def _doctest_namespace(doctest_namespace):
    doctest_namespace.update({name: getattr(mra_graph, name) for name in mra_graph.__all__})
