"""A cache of validated acts for `actes build`, so a rebuild reads again only
the act files that changed.

Reading and validating an act (YAML with line numbers, body split, schema) is
most of the generator's time on a large archive. The result for one file
depends on its bytes, on its annexes (they must exist), on mkdocs.yml, on the
day (a mise en ligne may not be in the future) and on the generator's own
code: the cache is keyed on all of these and on nothing else. Cross-act checks
(numbering, references, séances) always run on the whole archive.

`actes check` does not use it: a reviewer's check reads every file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
from pathlib import Path

from .model import Act
from .problems import Problem

CODE = Path(__file__).resolve().parent

Entry = tuple[Act | None, list[Problem]]


def code_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(CODE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".json", ".yml", ".yaml", ".txt"):
            digest.update(path.relative_to(CODE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def annex_signature(path: Path, act: Act | None) -> tuple:
    if act is None:
        return ()
    folder = path.parent
    found = []
    for annexe in act.meta.annexes:
        try:
            stat = (folder / annexe.fichier).stat()
            found.append((annexe.fichier, stat.st_size, stat.st_mtime_ns))
        except (OSError, ValueError):
            found.append((annexe.fichier, None, None))
    return tuple(found)


SHARDS = 64  # a change rewrites the shard of that act (1/64 of the cache), not the whole cache


def shard_of(key: str) -> int:
    return int(hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:4], 16) % SHARDS


class ActCache:
    """build/cache/actes/NN.pickle: {file path: (sha256, annexes, act, problems)},
    spread over SHARDS files by path, so that saving after one change writes one
    small file (the whole cache of 20,000 acts is some 200 MB)."""

    def __init__(self, folder: Path, config_file: Path, today: dt.date):
        self.folder = folder / "actes"
        (folder / "actes.pickle").unlink(missing_ok=True)  # the single file of earlier versions
        salt = hashlib.sha256()
        for part in (code_digest(), today.isoformat(), str(config_file.parent.resolve())):
            salt.update(part.encode() + b"\0")
        salt.update(config_file.read_bytes() if config_file.is_file() else b"")
        self.salt = salt.hexdigest()
        self.entries: dict[str, tuple] = {}
        self.used: dict[str, tuple] = {}
        self.hits = 0
        self._pending: dict[str, str] = {}
        self.loaded: set[int] = set()  # shards read back, salt matching
        for shard in range(SHARDS):
            try:
                with self._file(shard).open("rb") as handle:
                    salt_found, entries = pickle.load(handle)
            except FileNotFoundError:
                continue
            except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError, ImportError):
                continue
            if salt_found == self.salt:
                self.entries.update(entries)
                self.loaded.add(shard)

    def _file(self, shard: int) -> Path:
        return self.folder / f"{shard:02d}.pickle"

    def get(self, path: Path) -> Entry | None:
        key = str(path)
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None  # the loader reports it
        self._pending[key] = digest
        entry = self.entries.get(key)
        if entry and entry[0] == digest and entry[1] == annex_signature(path, entry[2]):
            self.used[key] = entry
            self.hits += 1
            return entry[2], entry[3]
        return None

    def put(self, path: Path, result: Entry) -> None:
        key = str(path)
        digest = self._pending.get(key)
        if digest is not None:
            self.used[key] = (digest, annex_signature(path, result[0]), result[0], result[1])

    def save(self) -> None:
        """Keeps the entries of this run only (removed acts leave the cache);
        writes only the shards that changed."""
        by_shard: dict[int, dict[str, tuple]] = {}
        for key, entry in self.used.items():
            by_shard.setdefault(shard_of(key), {})[key] = entry
        before: dict[int, set[str]] = {}
        for key in self.entries:
            before.setdefault(shard_of(key), set()).add(key)
        for shard in range(SHARDS):
            now = by_shard.get(shard, {})
            unchanged = (shard in self.loaded or not now) and now.keys() == before.get(shard, set()) and all(
                self.entries.get(key) is entry for key, entry in now.items())
            if unchanged:
                continue
            if not now:
                self._file(shard).unlink(missing_ok=True)
                continue
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = self._file(shard).with_suffix(".tmp")
            with tmp.open("wb") as handle:
                pickle.dump((self.salt, now), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self._file(shard))
