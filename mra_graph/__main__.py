"""``python -m mra_graph``: the command line."""
from .cli import main

main()
