#!/usr/bin/env bash
# Turn a bench/corpus directory into a Hugo peer site.
#
# Usage: bench/hugo/mksite.sh CORPUS_DIR SITE_DIR
#   -> SITE_DIR/hugo.toml   (from hugo.toml.in: site title from CORPUS_DIR/site.yaml,
#                            contentDir = the corpus's own content/, absolute)
#   -> SITE_DIR/layouts/    (copy of bench/hugo/layouts: baseof, single, list, home, 404)
# Hugo reads the very Markdown files playbook reads (no copy, no symlink);
# `:::` fence lines are plain paragraphs to it. Build with:
#   hugo --source SITE_DIR --destination OUT --minify --quiet
set -euo pipefail
[ $# -eq 2 ] || { sed -n '2,11p' "$0" >&2; exit 2; }
HERE=$(cd "$(dirname "$0")" && pwd)
CORPUS=$(cd "$1" && pwd)
SITE=$2
[ -f "$CORPUS/site.yaml" ] && [ -d "$CORPUS/content" ] || {
  echo "mksite: $CORPUS holds no site.yaml and content/; generate it with: go run ./bench/corpus --pages N --out $1" >&2
  exit 1
}
# site.yaml's top-level title, unquoted; escaped for a TOML basic string and for sed.
title=$(sed -n 's/^title:[[:space:]]*//p' "$CORPUS/site.yaml" | head -n1 | sed 's/^["'\'']//; s/["'\'']$//')
title=$(printf '%s' "${title:-Playbooks}" | sed 's/[\\"]/\\&/g; s/[&|]/\\&/g')
content=$(printf '%s' "$CORPUS/content" | sed 's/[\\"]/\\&/g; s/[&|]/\\&/g')
rm -rf "$SITE/layouts"
mkdir -p "$SITE"
cp -R "$HERE/layouts" "$SITE/layouts"
sed "s|@TITLE@|$title|; s|@CONTENT@|$content|" "$HERE/hugo.toml.in" > "$SITE/hugo.toml"
