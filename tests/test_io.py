"""-o never destroys what it points at: links are written through, FIFOs and devices written to, not replaced."""
import os
import stat
import threading
from pathlib import Path

from click.testing import CliRunner

from mra_graph._io import atomic_write_text
from mra_graph.cli import main


def coverage_to(path, tiny_path):
    return CliRunner().invoke(main, ["coverage", "AA", "--data", str(tiny_path), "--as-of", "2018-06-30",
                                     "--format", "csv", "-o", str(path)])


def test_a_symlink_is_written_through_to_its_target(tmp_path, tiny_path):
    target = tmp_path / "real.csv"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    result = coverage_to(link, tiny_path)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("partner,name,via")


def test_a_fifo_is_written_to_and_stays_a_fifo(tmp_path, tiny_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    result = coverage_to(fifo, tiny_path)
    reader.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received and received[0].startswith("partner,name,via")


def test_a_character_device_is_written_to_and_never_replaced(tmp_path, tiny_path):
    if os.geteuid() == 0:  # a /dev/null of our own, so a bug cannot replace the system's
        device = tmp_path / "null"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    else:  # without root the system's: /dev is not writable, so replacing it would fail the command
        device = Path("/dev/null")
    result = coverage_to(device, tiny_path)
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_dash_means_standard_output(tiny_path):
    result = CliRunner().invoke(main, ["coverage", "AA", "--data", str(tiny_path), "--format", "csv", "-o", "-"])
    assert result.exit_code == 0 and result.stdout.startswith("partner,name,via") and "Wrote" not in result.stderr


def test_a_folder_is_refused_clearly(tmp_path, tiny_path):
    result = coverage_to(tmp_path, tiny_path)
    assert result.exit_code != 0 and "Traceback" not in result.output


def test_a_regular_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "kept.txt"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    atomic_write_text(path, "new")
    assert path.read_text(encoding="utf-8") == "new" and stat.S_IMODE(path.stat().st_mode) == 0o640
