# Sourced by the page benchmarks (never-finishes, single-capture, static-features, interactions): a local web
# server on a free 127.0.0.1 port, a bench investigator and an empty case under $OUT, and median().
# Needs ROOT (the checkout) and OUT (the script's output folder, emptied by the script).

# A free loopback port, in PORT
free_port() {
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
}

# bench/pages.py's pages on http://127.0.0.1:$PORT/, stopped when the script exits
serve_pages() {
  free_port
  python3 "$ROOT/bench/pages.py" "$PORT" &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null' EXIT
  sleep 1
}

# The files of folder $1 on http://127.0.0.1:$PORT/, stopped when the script exits
serve_dir() {
  free_port
  (cd "$1" && exec python3 -m http.server "$PORT" --bind 127.0.0.1 >/dev/null 2>&1) &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null' EXIT
  sleep 1
}

# EXHIBIT (the launcher), a bench identity in $OUT/home and the case $OUT/case
new_case() {
  export EXHIBIT_HOME="$OUT/home" EXHIBIT_PASSPHRASE="bench passphrase, not a secret"
  EXHIBIT="$ROOT/tools/exhibit"
  "$EXHIBIT" identity create --name "Bench Investigator" >/dev/null 2>&1
  "$EXHIBIT" case init "$OUT/case" --id BENCH >/dev/null
}

# The median of the numbers on standard input, one a line
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
