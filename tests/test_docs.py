"""The README, the CLI's help and CI stay in step."""
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from mra_graph.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SHELL_BLOCKS = re.findall(r"```sh\n(.*?)```", README, flags=re.S)


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_with_an_example_and_is_in_the_readme(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert f"`mra-graph {name}" in README


def test_readme_install_command_installs_graphviz_and_runs_the_report():
    install = SHELL_BLOCKS[0].strip()
    assert "apt-get install -y graphviz" in install and install.endswith("mra-graph report")


def test_ci_runs_exactly_the_readme_test_command():
    test_command = SHELL_BLOCKS[1].strip()
    assert "pytest" in test_command
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_data_readme_documents_every_column():
    from mra_graph.data import ADMINISTRATIONS_OPTIONAL, ADMINISTRATIONS_REQUIRED, MRAS_FIELDS

    text = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for column in MRAS_FIELDS + ADMINISTRATIONS_REQUIRED + ADMINISTRATIONS_OPTIONAL:
        assert f"`{column}`" in text, column


@pytest.mark.parametrize("block", re.findall(r"```text\n(\$ mra-graph [^\n]*\n.*?)```", README, flags=re.S),
                         ids=lambda block: block.splitlines()[0][2:40])
def test_readme_output_excerpts_are_real_output(block):
    command, _, shown = block.partition("\n")
    output = CliRunner().invoke(main, command.split()[2:], env={"COLUMNS": "100"}).stdout
    for part in shown.split("..."):
        assert part.strip("\n") in output, part


def test_readme_command_reference_is_generated_from_the_current_help():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_cli_reference", ROOT / "docs" / "make_cli_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.updated(README) == README, "run: python docs/make_cli_reference.py"
