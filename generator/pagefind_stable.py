"""Byte-stable Pagefind bundles, for reproducible builds.

Pagefind (1.5) writes the values of each search filter, and the list of filters
in its metadata, in the order of a Rust hash map, which changes from one run to
the next: two indexings of the same pages give filter files, a metadata file and
a pagefind-entry.json that differ in bytes and in names (measured: 13 files of
the example site). stabilise() puts those lists in one order (their encoded
bytes) and names the rewritten files after their content, so two builds of the
same acts give the same bundle byte for byte. Nothing else is touched: the word
chunks and fragments are already stable, and the engine looks the filter values
up by name, so their order means nothing to it.

The files are gzip'd CBOR after a "pagefind_dcd" signature. Only the spans of
the list items are moved; no value is decoded and encoded again.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"
FILTER_HASH = 7   # hex digits in a filter file's name (fr_0123abc.pf_filter), as Pagefind
META_HASH = 10    # and in the metadata's (pagefind.fr_0123456789.pf_meta)
META_FILTERS, META_SORTS = 3, 4  # positions in the metadata: version, pages, chunks, filters, sorts, fields


class UnexpectedFormat(ValueError):
    """The bundle is not laid out as this module knows (another Pagefind version)."""


def _head(data: bytes, at: int) -> tuple[int, int, int]:
    """(major type, argument, offset after the head) of the CBOR item at `at`."""
    if at >= len(data):
        raise UnexpectedFormat("CBOR tronqué")
    major, info = data[at] >> 5, data[at] & 31
    if info < 24:
        return major, info, at + 1
    if info > 27:
        raise UnexpectedFormat(f"CBOR de longueur indéfinie en {at}")
    size = 1 << (info - 24)
    return major, int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size


def _end(data: bytes, at: int) -> int:
    """Offset just after the CBOR item that starts at `at`."""
    major, value, at = _head(data, at)
    if major in (2, 3):
        return at + value
    if major in (4, 5):
        for _ in range(value * (2 if major == 5 else 1)):
            at = _end(data, at)
        return at
    if major == 6:
        return _end(data, at)
    return at  # integers, simple values and floats: the head holds them


def _array(data: bytes, at: int) -> tuple[bytes, list[bytes], int]:
    """(head bytes, the bytes of each item, offset after the array) of an array at `at`."""
    major, count, start = _head(data, at)
    if major != 4:
        raise UnexpectedFormat(f"tableau CBOR attendu en {at}")
    items, cursor = [], start
    for _ in range(count):
        end = _end(data, cursor)
        items.append(data[cursor:end])
        cursor = end
    return data[at:start], items, cursor


def _text(data: bytes) -> str:
    major, size, start = _head(data, 0)
    if major != 3 or start + size != len(data):
        raise UnexpectedFormat("texte CBOR attendu")
    return data[start:].decode("utf-8")


def _encode_text(value: str) -> bytes:
    raw = value.encode("utf-8")
    size = len(raw)
    if size < 24:
        head = bytes([0x60 | size])
    elif size < 256:
        head = bytes([0x78, size])
    else:
        head = bytes([0x79]) + size.to_bytes(2, "big")
    return head + raw


def _read(path: Path) -> bytes:
    try:
        data = gzip.decompress(path.read_bytes())
    except (OSError, EOFError) as exc:
        raise UnexpectedFormat(f"{path.name} illisible ({exc})") from None
    if not data.startswith(SIGNATURE):
        raise UnexpectedFormat(f"{path.name} : signature Pagefind absente")
    return data


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def _sorted_array(head: bytes, items: list[bytes]) -> bytes:
    return head + b"".join(sorted(items))


def _stable_filter(data: bytes) -> bytes:
    """[name, [[value, pages], …]] with its values in one order."""
    head, (name, values), end = _array(data, len(SIGNATURE))
    if end != len(data):
        raise UnexpectedFormat("fichier de filtre : données en trop")
    values_head, items, _ = _array(values, 0)
    return SIGNATURE + head + name + _sorted_array(values_head, items)


def stabilise(bundle: Path) -> None:
    """Rewrites the filter files, the metadata and pagefind-entry.json of one
    Pagefind bundle (a folder with pagefind-entry.json) in a stable order."""
    entry_path = bundle / "pagefind-entry.json"
    entry_text = entry_path.read_text("utf-8")
    for language, info in json.loads(entry_text)["languages"].items():
        renamed: dict[str, str] = {}
        for path in sorted((bundle / "filter").glob(f"{language}_*.pf_filter")):
            data = _stable_filter(_read(path))
            name = f"{language}_{hashlib.sha256(data).hexdigest()[:FILTER_HASH]}"
            renamed[path.name.removesuffix(".pf_filter")] = name
            path.unlink()
            _write(bundle / "filter" / f"{name}.pf_filter", data)
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        head, parts, end = _array(meta, len(SIGNATURE))
        if end != len(meta) or len(parts) <= META_SORTS:
            raise UnexpectedFormat(f"{meta_path.name} : structure inattendue")
        filters_head, filters, _ = _array(parts[META_FILTERS], 0)
        stable_filters = []
        for item in filters:
            pair_head, pair, _ = _array(item, 0)
            if len(pair) != 2 or _text(pair[1]) not in renamed:
                raise UnexpectedFormat(f"{meta_path.name} : filtre sans fichier")
            stable_filters.append(pair_head + pair[0] + _encode_text(renamed[_text(pair[1])]))
        parts[META_FILTERS] = _sorted_array(filters_head, stable_filters)
        parts[META_SORTS] = _sorted_array(*_array(parts[META_SORTS], 0)[:2])
        meta = SIGNATURE + head + b"".join(parts)
        meta_hash = f"{language}_{hashlib.sha256(meta).hexdigest()[:META_HASH]}"
        meta_path.unlink()
        _write(bundle / f"pagefind.{meta_hash}.pf_meta", meta)
        old = f'"hash":"{info["hash"]}"'
        if entry_text.count(old) != 1:
            raise UnexpectedFormat("pagefind-entry.json : empreinte de la langue introuvable")
        entry_text = entry_text.replace(old, f'"hash":"{meta_hash}"')
    entry_path.write_text(entry_text, "utf-8")
