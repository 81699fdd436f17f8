#!/usr/bin/env bash
# Turn a bench/corpus directory into a Hugo peer site.
#
# Usage: bench/hugo/mksite.sh [--bare] CORPUS_DIR SITE_DIR
#   -> SITE_DIR/hugo.toml   (from hugo.toml.in: site title from CORPUS_DIR/site.yaml,
#                            contentDir = the corpus's own content/, absolute)
#   -> SITE_DIR/layouts/    (copy of bench/hugo/layouts: baseof, single, list, home, 404)
# Default: Hugo's defaults stay on (tag and stage term pages, RSS, sitemap) plus robots.txt
# and 404, the page set closest to playbook's ("hugo" in bench/run.sh).
# --bare: bare/hugo.toml.in and bare/layouts over layouts/ (no 404 layout): pages, section
# lists and home only, the page set of shared/bench/peer-sites.sh ("hugo-bare").
# Hugo reads the very Markdown files playbook reads (no copy, no symlink);
# `:::` fence lines are plain paragraphs to it. Build with:
#   hugo --source SITE_DIR --destination OUT --minify --quiet
set -euo pipefail
usage() { sed -n '2,14p' "$0" >&2; exit 2; }
BARE=0
if [ "${1:-}" = --bare ]; then BARE=1; shift; fi
[ $# -eq 2 ] || usage
HERE=$(cd "$(dirname "$0")" && pwd)
CORPUS=$(cd "$1" && pwd)
SITE=$2
if [ ! -f "$CORPUS/site.yaml" ] || [ ! -d "$CORPUS/content" ]; then
  echo "mksite: $CORPUS holds no site.yaml and content/; generate it with: go run ./bench/corpus --pages N --out $1" >&2
  exit 1
fi
# site.yaml's top-level title, unquoted; escaped for a TOML basic string and for sed.
title=$(sed -n 's/^title:[[:space:]]*//p' "$CORPUS/site.yaml" | head -n1 | sed 's/^["'\'']//; s/["'\'']$//')
title=$(printf '%s' "${title:-Playbooks}" | sed 's/[\\"]/\\&/g; s/[&|]/\\&/g')
content=$(printf '%s' "$CORPUS/content" | sed 's/[\\"]/\\&/g; s/[&|]/\\&/g')
rm -rf "$SITE/layouts"
mkdir -p "$SITE"
cp -R "$HERE/layouts" "$SITE/layouts"
conf="$HERE/hugo.toml.in"
if [ "$BARE" = 1 ]; then
  conf="$HERE/bare/hugo.toml.in"
  cp -R "$HERE/bare/layouts/." "$SITE/layouts/"
  rm -f "$SITE/layouts/404.html"
fi
sed "s|@TITLE@|$title|; s|@CONTENT@|$content|" "$conf" > "$SITE/hugo.toml"
