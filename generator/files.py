"""Writing into a built site: always a new file put in place with os.replace.

The staging folder of an incremental build starts as hard links to the
published site (generator/incremental.py), so opening an existing file there
for writing would change the published file too. A new inode never does.
"""

from __future__ import annotations

import os
from pathlib import Path


def replace_bytes(path: Path, data: bytes) -> None:
    """Puts `data` at `path` as a new file; an identical file is left as it is."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def replace_text(path: Path, text: str) -> None:
    replace_bytes(path, text.encode("utf-8"))


def replace_copy(source: Path, path: Path) -> None:
    replace_bytes(path, source.read_bytes())
