"""One module per sub-command of `actes`; each has `register(subparsers)`
that adds its parser and sets `func` to the function that runs it."""
