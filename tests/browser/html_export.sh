#!/usr/bin/env bash
# The HTML export in a real browser (headless Chromium): the demo corpus
# plus a hand-made event with hostile markup in every field is exported to
# one page, which must load with no console error and no blocked load,
# render every event, run none of the hostile markup, and filter in the
# page when searched (the filtered count is checked against a count made
# here, independently, from the page's own text).
#
# Usage: tests/browser/html_export.sh [path/to/dateline]
# Needs chromium (Debian: apt-get install chromium) and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${1:-${CARGO_TARGET_DIR:-target}/debug/dateline}"
browser="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[ -x "$bin" ] || { echo "FAIL: no dateline binary at $bin (run cargo build first)"; exit 1; }
[ -n "$browser" ] || { echo "FAIL: chromium is not installed (apt-get install chromium)"; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/t.db"
export DATELINE_CONFIG="$work/feeds.toml"

"$bin" --db "$db" import data/demo/demo.rss > /dev/null 2>&1
"$bin" --db "$db" event add --date 2026-07 --kind ban \
  --title '<img src=x onerror="document.title=1">Hostile</b>' \
  --actor '<script>document.title=2</script>' --target 'Evil & Co' \
  --url 'javascript:document.title=3' \
  --evidence '</blockquote><script>document.title=4</script>"quoted"' > /dev/null 2>&1
"$bin" --db "$db" event note "$("$bin" --db "$db" events --json | python3 -c '
import json, sys
for line in sys.stdin:
    e = json.loads(line)
    if "Hostile" in e["title"]:
        print(e["id"])')" '<iframe src="https://evil.example/"></iframe>' > /dev/null 2>&1
n="$("$bin" --db "$db" events --json | wc -l)"
"$bin" --db "$db" export html --title 'Demo <timeline>' -o "$work/page.html" 2> /dev/null
echo "exported $n events to one page of $(wc -c < "$work/page.html") bytes"

# Loads the page (with an optional #fragment) and dumps the DOM after the
# page's script has run; the browser's console goes to $work/console.N.
run=0
dump() {
  run=$((run + 1))
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --disable-extensions --user-data-dir="$work/profile.$run" \
    --enable-logging=stderr --v=0 --dump-dom "file://$work/page.html$1" \
    2> "$work/console.$run"
}

check() {
  python3 - "$@" <<'PY'
import re, sys
from html.parser import HTMLParser
dom_path, console_path, query, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
dom = open(dom_path, encoding="utf-8").read()
console = open(console_path, encoding="utf-8", errors="replace").read()
fail = []

# the console: no script error, nothing refused or blocked
for line in console.splitlines():
    if re.search(r"CONSOLE|Uncaught|Refused to|Content Security Policy|ERR_", line):
        fail.append("console: " + line.strip())

class Page(HTMLParser):
    """Each entry's text content and hidden flag, the body's attributes, and
    every element the hostile fields might have smuggled in."""
    def __init__(self):
        super().__init__()
        self.entries, self.depth, self.body, self.tags = [], 0, {}, []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "body":
            self.body = a
        if tag == "article" and "event" in (a.get("class") or "").split():
            self.entries.append({"hidden": "hidden" in a, "text": ""})
            self.depth = 1
        elif self.depth and tag == "article":
            self.depth += 1
    def handle_endtag(self, tag):
        if self.depth and tag == "article":
            self.depth -= 1
    def handle_data(self, data):
        if self.depth:
            self.entries[-1]["text"] += data

p = Page()
p.feed(dom)
if len(p.entries) != n:
    fail.append(f"{len(p.entries)} entries rendered, {n} events exported")
words = [w for w in query.lower().split() if w]
want = sum(1 for e in p.entries if all(w in e["text"].lower() for w in words))
shown = sum(1 for e in p.entries if not e["hidden"])
if shown != want:
    fail.append(f"{shown} entries shown for '{query}', {want} contain it")
if p.body.get("data-shown") != str(want):
    fail.append(f"the page's script did not run to the end (data-shown={p.body.get('data-shown')})")
if words and not 0 < want < n:
    fail.append(f"the search '{query}' should narrow the page, it matches {want} of {n}")
for tag, a in p.tags:
    if tag in ("img", "iframe", "object", "embed", "link", "svg") or (tag == "script" and a):
        fail.append(f"hostile or external element in the page: <{tag} {a}>")
    for k in ("src", "srcset", "background"):
        if k in a:
            fail.append(f"something is loaded: <{tag} {k}={a[k]}>")
    href = a.get("href")
    if href and not (href.startswith("https://") or href.startswith("http://") or href.startswith("#ev-")):
        fail.append(f"a link that is not a source's web address: {href}")
scripts = sum(1 for tag, _ in p.tags if tag == "script")
if scripts != 1:
    fail.append(f"{scripts} script elements, expected only the page's own")
if "<title>Demo &lt;timeline&gt;</title>" not in dom:
    fail.append("the title is not escaped")
if fail:
    print("FAIL (" + (query or "no search") + "):\n  " + "\n  ".join(fail))
    sys.exit(1)
print(f"ok: {len(p.entries)} entries, {shown} shown for '{query}', no console error")
PY
}

dump "" > "$work/dom.1"
check "$work/dom.1" "$work/console.1" "" "$n"
dump "#q=huawei" > "$work/dom.2"
check "$work/dom.2" "$work/console.2" "huawei" "$n"
dump "#q=%E5%8D%8E%E4%B8%BA" > "$work/dom.3"
check "$work/dom.3" "$work/console.3" "华为" "$n"
dump "#q=hostile%20evil" > "$work/dom.4"
check "$work/dom.4" "$work/console.4" "hostile evil" "$n"
echo "html export: ok in $("$browser" --version 2>/dev/null | head -n 1)"
