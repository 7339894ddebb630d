# The two commands of the README: `make site` and `make test`.
# Each one installs what it needs first (Debian packages, .venv).
.PHONY: setup site test serve bench golden

setup:
	@scripts/setup.sh

site: setup
	.venv/bin/actes build

test: setup
	.venv/bin/python -m pytest

serve: setup
	.venv/bin/actes serve

golden: setup
	.venv/bin/python -m tests.golden

bench: setup
	.venv/bin/python -m bench.scale 1000
