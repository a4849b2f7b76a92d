"""mra-graph: the network of customs AEO Mutual Recognition Arrangements.

Load the bundled, sourced dataset (or your own) as a dated recognition graph and
measure coverage, bloc coverage and k-hop reach. Names are imported on first
use, so ``import mra_graph`` (and the command line's ``--help``) stay fast. Every
metric of :mod:`mra_graph.metrics` is offered here too.

Examples
--------
>>> import mra_graph
>>> net = mra_graph.load(as_of="2022-06-07", view="signed")
>>> mra_graph.coverage(net, "SG")["partner"].tolist()
['AU', 'CA', 'CN', 'HK', 'JP', 'KR', 'NZ', 'TH', 'TW', 'US']
"""
from importlib import import_module

__version__ = "0.2.0"

_CORE = {
    "Dataset": "data", "read_dataset": "data",
    "DataValidationError": "errors", "InvalidDateError": "errors", "MRAGraphError": "errors",
    "UnknownCodeError": "errors", "ScenarioError": "errors", "GraphvizNotFound": "errors",
    "VIEWS": "views", "MRANetwork": "network", "load": "network",
    "Report": "report", "build_report": "report", "focus_counts": "report",
    "read_official_lists": "official", "reconcile": "official",
    "Diagram": "render", "diagram": "render", "render_frames": "frames", "export": "exports",
    "load_scenario": "scenarios", "run_scenario": "scenarios", "read_weights": "weights",
}


def _public() -> dict[str, str]:
    metrics = import_module(".metrics", __name__)  # not `from . import`: that would call __getattr__ again
    return {**_CORE, **dict.fromkeys(metrics.__all__, "metrics")}


def __getattr__(name: str):
    if name == "__all__":
        return sorted(_public())
    if name.startswith("_"):
        raise AttributeError(f"module 'mra_graph' has no attribute '{name}'")
    module = _CORE.get(name) or ("metrics" if name in _public() else None)
    if module is None:
        raise AttributeError(f"module 'mra_graph' has no attribute '{name}'")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # a function stays a function even where a submodule shares its name (export)
    return value


def __dir__():
    return sorted(set(globals()) | set(_public()))
