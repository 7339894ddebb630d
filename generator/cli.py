"""The `actes` command: one sub-command per stage the communications team needs."""

from __future__ import annotations

import argparse
import importlib
import sys

# Sub-commands, each in generator/commands/<name>.py with a register() function.
COMMANDS = (
    "check",
    "build",
    "serve",
    "import_",
    "publish",
    "export",
    "new",
    "editeur",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="actes",
        description="Publication des actes administratifs : vérifier, construire et prévisualiser le site.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE")
    for name in COMMANDS:
        importlib.import_module(f"generator.commands.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("Interrompu.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
