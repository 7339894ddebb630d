"""PROTOTYPE, not used by `actes`: measures the speed-ups proposed for generator/
(owned by another engineer) by monkeypatching them in-process, and checks that
they change nothing in the result (same problems, same parsed bodies).

    .venv/bin/python bench/prototype_fixes.py ARCHIVE_DIR [--only NAME ...]

ARCHIVE_DIR is a project written by bench/synth.py (mkdocs.yml + acts/). Each
patch below is the smallest change to propose in generator/; the report of the
benchmark gives the diff in words.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator import body as BODY, check as C, identifiers as I, load as L, validate as V, yamlsafe as Y  # noqa: E402

ORIGINAL = {
    "fold": I.fold,
    "parse_body": BODY.parse_body,
    "looks_shallow": Y._looks_shallow,
    "newlines": getattr(Y, "_newlines", None),
    "checks": V.CHECKS,
    "display_path": L.display_path,
    "find_act_files": L.find_act_files,
}

# 1. fold(): the per-character generator costs ~70 ns a character and plain() folds
#    every paragraph of every act. Same result: NFKD, then remove each distinct
#    combining mark with str.replace (a handful per text), C-level throughout.
def fast_fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    for char in set(decomposed):
        if char > "\u02ff" and unicodedata.combining(char):  # no combining mark below U+0300
            decomposed = decomposed.replace(char, "")
    return decomposed.lower()


# 1b. plain(): `_MARKUP.sub` (`^[#>\s]*|[*_`]+`, no literal prefix: the regex engine
#     tries both branches at every character) -> an anchored match for the leading
#     run and str.replace for the emphasis marks. Exactly the same result.
_LEADING = re.compile(r"[#>\s]*")


def fast_plain(text: str) -> str:
    text = text[_LEADING.match(text).end():]
    if "*" in text or "_" in text or "`" in text:
        text = text.replace("*", "").replace("_", "").replace("`", "")
    return fast_fold(text).strip()


# 2. parse_body(): `_CLOSING.match(plain(block.text))` folds the whole paragraph to test
#    its first words; the same test on its first 200 characters.
def _patched_parse_body():
    import inspect
    source = inspect.getsource(ORIGINAL["parse_body"])
    old = "_CLOSING.match(plain(block.text))"
    if old not in source:
        raise RuntimeError("parse_body changed: patch 2 no longer applies")
    namespace = dict(vars(BODY))
    exec(compile(source.replace(old, "_CLOSING.match(plain(block.text[:200]))"), BODY.__file__, "exec"), namespace)
    return namespace["parse_body"]


# 3. yamlsafe: `_looks_shallow` and `_newlines` loop over every character in Python.
_EXOTIC_BREAKS = ("\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_LEAD = re.compile(r"^[ -]*", re.M)
_NL = re.compile("\n")


def fast_looks_shallow(text: str, limit: int = 48) -> bool:
    brackets = text.count("[") + text.count("{")  # >= the deepest bracket nesting
    if brackets <= limit and not any(b in text for b in _EXOTIC_BREAKS):
        indent = max((len(m) for m in _LEAD.findall(text)), default=0)
        if brackets + indent <= limit:
            return True
    return ORIGINAL["looks_shallow"](text, limit)


def fast_newlines(text: str) -> list[int]:
    return [m.start() for m in _NL.finditer(text)]


# 4. check_annexes resolves the project root for every act, annexes or not.
def _patched_checks():
    def check_annexes(act, rules, ctx, _orig=V.check_annexes):
        return _orig(act, rules, ctx) if act.meta.annexes else iter(())
    return tuple(check_annexes if c is V.check_annexes else c for c in ORIGINAL["checks"])


# 5. display_path / find_act_files: Path.resolve() (one lstat per path component) two or
#    three times per file; the root once, and a file found by os.walk under the
#    resolved root is already resolved unless it is itself a symlink.
@functools.lru_cache(maxsize=8)
def _resolved(root: Path) -> Path:
    return root.resolve()


def fast_display_path(path: Path, root: Path) -> str:
    resolved_root = _resolved(root)
    if path.is_absolute() and not os.path.islink(path):
        try:
            relative = path.relative_to(resolved_root)
            if ".." not in relative.parts:
                return relative.as_posix()
        except ValueError:
            pass
    return ORIGINAL["display_path"](path, root)


def fast_find_act_files(paths, root):
    default = _resolved(root) / "acts"
    if list(paths) != [default] or os.path.islink(default) or not default.is_dir():
        return ORIGINAL["find_act_files"](paths, root)
    found = []
    for dirpath, dirnames, filenames in os.walk(default):
        dirnames[:] = sorted(d for d in dirnames if d != "annexes" and not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(".md"):
                candidate = Path(dirpath) / name
                if os.path.islink(candidate):  # rare: let the original check where it leads
                    return ORIGINAL["find_act_files"](paths, root)
                found.append(candidate)
    return found, []


ORIGINAL["plain"] = BODY.plain

PATCHES = {
    "fold": lambda on: (setattr(I, "fold", fast_fold if on else ORIGINAL["fold"]),
                        setattr(BODY, "fold", fast_fold if on else ORIGINAL["fold"])),
    "plain": lambda on: setattr(BODY, "plain", fast_plain if on else ORIGINAL["plain"]),
    "parse_body": lambda on: (setattr(BODY, "parse_body", _patched_parse_body() if on else ORIGINAL["parse_body"]),
                              setattr(L, "parse_body", BODY.parse_body)),
    "yaml": lambda on: (setattr(Y, "_looks_shallow", fast_looks_shallow if on else ORIGINAL["looks_shallow"]),
                        ORIGINAL["newlines"] and setattr(Y, "_newlines", fast_newlines if on else ORIGINAL["newlines"])),
    "annexes": lambda on: setattr(V, "CHECKS", _patched_checks() if on else ORIGINAL["checks"]),
    "paths": lambda on: (setattr(L, "display_path", fast_display_path if on else ORIGINAL["display_path"]),
                         setattr(C, "find_act_files", fast_find_act_files if on else ORIGINAL["find_act_files"])),
}


def timed_check(root: Path, repeat: int = 2):
    """CPU seconds of this process (the machine may be shared: wall time is noisy), best of `repeat`."""
    best = None
    for _ in range(repeat):
        start = time.process_time()
        result = C.run_check(root)
        seconds = time.process_time() - start
        best = seconds if best is None else min(best, seconds)
    return best, result


def fingerprint(result) -> tuple:
    return ([str(p) for p in result.problems], [(a.path, a.sha256, a.body) for a in result.acts])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--only", nargs="*", choices=list(PATCHES), default=list(PATCHES))
    parser.add_argument("--repeat", type=int, default=5, help="runs per configuration, interleaved; the minimum is kept")
    args = parser.parse_args(argv)
    root = args.archive.resolve()
    _, base = timed_check(root, 1)  # warm the page cache and the imports
    reference = fingerprint(base)
    configs = [("sans correctif", [])] + [(f"+ {name}", [name]) for name in args.only] + [("tous", list(args.only))]
    best = {label: float("inf") for label, _ in configs}
    same = {label: True for label, _ in configs}
    # Interleaved, minimum of the runs: on a shared machine the noise only adds time.
    for _ in range(args.repeat):
        for label, names in configs:
            for name in names:
                PATCHES[name](True)
            seconds, result = timed_check(root, 1)
            for name in names:
                PATCHES[name](False)
            best[label] = min(best[label], seconds)
            same[label] = same[label] and fingerprint(result) == reference
    n = max(1, len(base.acts))
    base_time = best["sans correctif"]
    print(f"{len(base.acts)} actes ; CPU de run_check, minimum de {args.repeat} passages entrelacés :")
    for label, _ in configs:
        seconds = best[label]
        print(f"  {label:16} {seconds:7.2f} s  {1000 * seconds / n:6.3f} ms/acte  gain {base_time - seconds:+6.2f} s "
              f"({100 * (base_time - seconds) / base_time:+5.1f} %)  résultat identique : {'oui' if same[label] else 'NON'}")
    return 0 if all(same.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
