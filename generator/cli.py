"""The `actes` command: one sub-command per stage the communications team needs."""

from __future__ import annotations

import argparse
import importlib
import os
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


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of the command `only` if it is one (`actes check`
    then does not import what building the site needs: MkDocs, Jinja2, WeasyPrint…)."""
    parser = argparse.ArgumentParser(
        prog="actes",
        description="Publication des actes administratifs : vérifier, construire et prévisualiser le site.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE")
    for name in COMMANDS:
        if only is None or name == only:
            importlib.import_module(f"generator.commands.{name}").register(subparsers)
    if only is not None and only not in subparsers.choices:
        return build_parser()
    return parser


def main(argv: list[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    parser = build_parser(given[0] if given and given[0] in COMMANDS else None)
    args = parser.parse_args(argv)
    args.command_line = argv is None  # run as `actes …`, not called by a test or a program
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("Interrompu.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `actes check | head`: the reader stopped reading, no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
