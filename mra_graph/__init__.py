"""mra-graph: the network of customs AEO Mutual Recognition Arrangements.

Load the bundled, sourced dataset (or your own) as a dated recognition graph and
measure coverage, bloc coverage and k-hop reach. Names are imported on first
use, so ``import mra_graph`` (and the command line's ``--help``) stay fast.

Examples
--------
>>> import mra_graph
>>> net = mra_graph.load(as_of="2022-06-07", view="signed")
>>> mra_graph.coverage(net, "SG")["partner"].tolist()
['AU', 'CA', 'CN', 'HK', 'JP', 'KR', 'NZ', 'TH', 'TW', 'US']
"""
from importlib import import_module

__version__ = "0.1.0"

_PUBLIC = {
    "Dataset": "data", "read_dataset": "data",
    "DataValidationError": "errors", "InvalidDateError": "errors", "MRAGraphError": "errors",
    "UnknownCodeError": "errors",
    "bloc_coverage": "metrics", "bloc_density": "metrics", "bloc_matrix": "metrics", "coverage": "metrics",
    "coverage_counts": "metrics", "centrality": "metrics", "growth": "metrics", "sources": "citations", "network_summary": "metrics", "reach": "metrics", "reach_curve": "metrics",
    "VIEWS": "network", "MRANetwork": "network", "load": "network",
    "Report": "report", "build_report": "report", "focus_counts": "report",
    "read_official_lists": "official", "reconcile": "official",
    "Diagram": "render", "diagram": "render", "render_frames": "frames", "export": "export",
    "leverage": "metrics.leverage", "member_power": "metrics.leverage", "power_indices": "metrics.leverage",
    "load_scenario": "scenarios", "run_scenario": "scenarios", "read_weights": "weights",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    if name in _PUBLIC:
        return getattr(import_module(f".{_PUBLIC[name]}", __name__), name)
    raise AttributeError(f"module 'mra_graph' has no attribute '{name}'")


def __dir__():
    return sorted(list(globals()) + __all__)
