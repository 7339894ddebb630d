#!/usr/bin/env bash
# Refreshes the Decap CMS bundle that the web editor (site/admin/) serves from
# our own files: generator/vendor/decap-cms/. Run by hand when upgrading Decap;
# `make setup` and the builds never download it.
#
#   scripts/vendor-decap.sh 3.16.3
#
# Why a committed bundle rather than `npm ci` at build time: the admin page is
# part of the published site, which the collectivité builds in its own CI with
# Python only. A committed, checksummed bundle builds the same bytes on a fresh
# machine with no Node.js and no registry at hand. decap-server (the local
# back end, for `actes editeur` and the browser test) does come from npm
# (package.json + package-lock.json, installed by scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

version="${1:?usage: scripts/vendor-decap.sh VERSION (e.g. 3.16.3)}"
dest=generator/vendor/decap-cms
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# npm pack checks the tarball against the registry's integrity hash.
(cd "$work" && npm pack --silent "decap-cms@${version}" >/dev/null && tar xzf decap-cms-*.tgz)
dist="$work/package/dist"
[ -f "$dist/decap-cms.js" ] || { echo "decap-cms.js absent du paquet $version" >&2; exit 1; }

rm -rf "$dest"
mkdir -p "$dest"
# The main bundle, the chunks it loads on demand (webpack, next to the script)
# and their WebAssembly files; no source maps, no duplicate cms.js bundle.
cp "$dist/decap-cms.js" "$dist/decap-cms.js.LICENSE.txt" "$dest/"
cp "$dist"/*.decap-cms.js "$dist"/*.wasm "$dest/"
for f in "$dist"/*.decap-cms.js.LICENSE.txt; do [ -e "$f" ] && cp "$f" "$dest/"; done
node -e 'const p=require(process.argv[1]); if (p.license !== "MIT") { console.error("licence " + p.license); process.exit(1) }' \
    "$work/package/package.json"
cat > "$dest/LICENSE" <<'LICENSE'
Decap CMS (npm package decap-cms) is released under the MIT License:

Copyright (c) 2016 Netlify <decap@p-m.si>

Permission is hereby granted, free of charge, to any person obtaining
a copy of this software and associated documentation files (the
"Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to
permit persons to whom the Software is furnished to do so, subject to
the following conditions:

The above copyright notice and this permission notice shall be
included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION
OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION
WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

The libraries bundled in decap-cms.js keep their own licences, listed in
decap-cms.js.LICENSE.txt.
LICENSE
echo "$version" > "$dest/VERSION"
(cd "$dest" && sha256sum $(ls | grep -v -e '^SHA256SUMS$' | sort) > SHA256SUMS)
echo "Decap CMS $version copié dans $dest ($(du -sh "$dest" | cut -f1))"
