"""Writing files safely: a temporary file beside the target, then an atomic rename.

Only a regular file (or a path that does not exist yet) is replaced that way. A
symbolic link is followed, and its target written atomically where it lives; a FIFO,
a character device (``/dev/null``, a terminal) or a socket is written to directly and
never replaced; ``-`` means standard output. Nothing else is ever removed or renamed.
"""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from .errors import WriteError


def atomic_write_bytes(path: str | Path, content: bytes) -> None:
    """Write ``content`` to ``path`` so that readers see the old file or the new one, never a part.

    The folder is created if needed. On any error the temporary file is removed
    and the old file, if any, is left as it was. See the module documentation for
    links, FIFOs, devices and ``-``.
    """
    if str(path) == "-":
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return
    path = Path(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = os.stat(target).st_mode if target.exists() else None
    except OSError as error:
        raise WriteError(f"cannot write {path}: {error.strerror or error}") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise WriteError(f"cannot write {path}: it is a folder")
    if mode is not None and not stat.S_ISREG(mode):
        _write_in_place(path, target, content)  # FIFO, device, socket: never replaced by a file
        return
    _replace(path, target, content, mode)


def _write_in_place(path: Path, target: Path, content: bytes) -> None:
    try:
        with open(target, "wb") as stream:
            stream.write(content)
    except OSError as error:
        raise WriteError(f"cannot write {path}: {error.strerror or error}") from None


def _replace(path: Path, target: Path, content: bytes, mode: int | None) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise WriteError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(mode) if mode is not None else 0o644)
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise WriteError(f"cannot write {path}: {error.strerror or error}") from None
        raise


def atomic_write_text(path: str | Path, text: str) -> None:
    """:func:`atomic_write_bytes` for text, written as UTF-8."""
    atomic_write_bytes(path, text.encode("utf-8"))
