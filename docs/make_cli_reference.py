"""Write the command reference into README.md from the commands' own --help.

Run after changing a command: ``python docs/make_cli_reference.py``. The test suite
(tests/test_docs.py) fails when README.md is not what this script would write.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mra_graph.cli import main  # noqa: E402

START, END = "<!-- cli-reference:start -->", "<!-- cli-reference:end -->"


def reference() -> str:
    """The reference: each command's --help, in the order `mra-graph --help` lists them."""
    parts = [START, "", "Generated from `--help` by `python docs/make_cli_reference.py`.", ""]
    for name in main.list_commands(None):
        text = CliRunner().invoke(main, [name, "--help"], prog_name="mra-graph", terminal_width=100,
                                 env={"COLUMNS": "100"}).stdout
        parts += [f"### `mra-graph {name}`", "", "```text", text.rstrip(), "```", ""]
    return "\n".join(parts + [END])


def updated(readme: str) -> str:
    """``readme`` with its reference block replaced by the current one."""
    return re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: reference(), readme, flags=re.S)


if __name__ == "__main__":
    path = ROOT / "README.md"
    path.write_text(updated(path.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"Wrote the command reference into {path}")
