"""Metrics: each takes an :class:`~mra_graph.network.MRANetwork` and returns a DataFrame
stamped with its caption, as-of date and view (``table.attrs``); ``bloc_density`` returns a number.

Each module declares its public names in ``__all__``; this package and ``mra_graph``
offer every one of them, so a new metric is one module (or one function in one), one
command and one test file.
"""
from importlib import import_module

MODULES = ("coverage", "reach", "summary", "growth", "centrality", "leverage", "citations", "directory", "events",
           "candidates")

__all__: list[str] = []
for _name in MODULES:
    _module = import_module(f".{_name}", __name__)
    globals().update({name: getattr(_module, name) for name in _module.__all__})
    __all__ += _module.__all__
