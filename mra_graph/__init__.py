"""mra-graph: the network of customs AEO Mutual Recognition Arrangements.

Load the bundled, sourced dataset (or your own) as a dated recognition graph and
measure coverage, bloc coverage and k-hop reach.

Examples
--------
>>> import mra_graph
>>> net = mra_graph.load(as_of="2022-06-07", view="signed")
>>> mra_graph.coverage(net, "SG")["partner"].tolist()
['AU', 'CA', 'CN', 'HK', 'JP', 'KR', 'NZ', 'TH', 'TW', 'US']
"""
from .data import Dataset, read_dataset
from .errors import DataValidationError, InvalidDateError, MRAGraphError, UnknownCodeError
from .metrics import (
    bloc_coverage, bloc_density, bloc_matrix, coverage, coverage_counts, network_summary, reach, reach_curve,
)
from .network import VIEWS, MRANetwork, load
from .report import Report, build_report

__version__ = "0.1.0"

__all__ = [
    "DataValidationError", "Dataset", "InvalidDateError", "MRAGraphError", "MRANetwork", "Report",
    "UnknownCodeError", "VIEWS", "bloc_coverage", "bloc_density", "bloc_matrix", "build_report", "coverage",
    "coverage_counts", "load", "network_summary", "reach", "reach_curve", "read_dataset",
]
