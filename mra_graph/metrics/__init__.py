"""Metrics: each takes an :class:`~mra_graph.network.MRANetwork` and returns a DataFrame."""
from .coverage import bloc_coverage, bloc_density, bloc_matrix, coverage, coverage_counts
from .growth import centrality, growth
from .reach import reach, reach_curve
from .summary import network_summary

__all__ = [
    "bloc_coverage", "bloc_density", "bloc_matrix", "centrality", "coverage", "coverage_counts", "growth",
    "network_summary", "reach", "reach_curve",
]
