"""Run the mra-graph command line from a source checkout: ``python cli.py report``."""
from mra_graph.cli import main

if __name__ == "__main__":
    main()
