# Shared by the real-window tests (sourced, not run): Regulars on a fresh data folder under
# Xvfb, with a virtual scanner on a pseudo-terminal, and keys sent by xdotool after
# windowfocus. The caller sets `config` (extra config.toml lines) before `start_window`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
target="${CARGO_TARGET_DIR:-target}"
cargo build -q
bin="$target/debug/regulars"
shots="$target/window-shots"
mkdir -p "$shots"

data=$(mktemp -d)
display=":$((90 + RANDOM % 100))"
pids=()
cleanup() {
  exec 3>&- 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$data/window.log" ] && tail -20 "$data/window.log" >&2; exit 1; }

# A free port for a server started later, below the range outgoing connections are given, so
# nothing else takes it meanwhile. $1: the address to try it on (127.0.0.1 by default).
free_port() {
    python3 - "${1:-127.0.0.1}" <<'PY'
import random, socket, sys
low = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
for _ in range(1000):
    port = random.randrange(max(1024, min(10000, low - 1000)), max(1025, low))
    try:
        socket.socket().bind((sys.argv[1], port))
    except OSError:
        continue
    print(port)
    break
else:
    s = socket.socket()
    s.bind((sys.argv[1], 0))
    print(s.getsockname()[1])
PY
}
# A throwaway PostgreSQL server (as the postgres user when run as root: initdb refuses root),
# started: sets pg (its folder), port and url, and defines pgctl and pg_up (start it again).
# The caller's EXIT trap stops it: pgctl -m immediate stop.
start_postgres() {
    pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -x "$pgbin/initdb" ] || fail "PostgreSQL's server is not installed (apt-get install postgresql)"
    pg=$(mktemp -d)
    as_pg=()
    if [ "$(id -u)" = 0 ]; then chown postgres: "$pg"; as_pg=(runuser -u postgres --); fi
    port=$(free_port)
    "${as_pg[@]}" "$pgbin/initdb" -D "$pg/data" -A trust -U postgres --no-sync >/dev/null
    pg_up
    url="postgresql://postgres@127.0.0.1:$port/postgres"
}
pgctl() { "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pg/data" "$@" >/dev/null; }
pg_up() { pgctl -o "-k $pg -c listen_addresses=127.0.0.1 -p $port" -l "$pg/log" -w start; }
rg() { "$bin" --data "$data" --json "$@"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }

# Writes config.toml (the scanner on a PTY, no customer pages) with the caller's [shop] lines.
write_config() {
  cat > "$data/config.toml" <<TOML
[shop]
$1
[scanner]
port = "$data/scanner"
[portal]
with_app = false
TOML
}

# A scanner on a pseudo-terminal linked at $data/scanner: codes written to fd 3 arrive on its
# serial line. The simulator keeps its own files in $1 (default: the shop's folder).
start_scanner() {
  mkfifo "$data/scan-in"
  "$bin" --data "${1:-$data}" simulate scanner --link "$data/scanner" <"$data/scan-in" >/dev/null 2>&1 &
  pids+=($!)
  exec 3>"$data/scan-in"
}

# Starts the scanner (codes written to fd 3 arrive on its serial line, never as keys), Xvfb
# and the window, and focuses the window once it is mapped.
start_window() {
  start_scanner
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  pids+=($!)
  export DISPLAY="$display"
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
  for _ in $(seq 50); do [ -e "$data/scanner" ] && break; sleep 0.1; done
  "$bin" --data "$data" >"$data/window.log" 2>&1 &
  pids+=($!)
  # The window exists before it is mapped; a window not yet viewable refuses the focus.
  wid=$(timeout 60 xdotool search --sync --onlyvisible --name "^Regulars" | head -1) ||
    fail "the window did not open"
  focus
  sleep 2
}
focus() {
  for _ in $(seq 50); do xdotool windowfocus --sync "$wid" 2>/dev/null && return 0; sleep 0.2; done
  fail "the window could not be focused"
}
# A scan: the customer is on screen within a frame; the wait covers a loaded machine.
scan() { echo "$1" >&3; sleep 2; }

presses=0
started=0
key() { xdotool key --delay 250 "$@"; presses=$((presses + $#)); sleep 0.25; }
typed() { xdotool type --delay 250 "$1"; presses=$((presses + ${#1})); sleep 0.25; }
begin() { focus; presses=0; started=$(date +%s.%N); }
seconds() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$started" "$(date +%s.%N)"; }
shot() { import -window root "$shots/$1.png"; }
# Waits until a Python expression over a command's JSON holds.
until_json() {
  local what=$1 expr=$2
  shift 2
  for _ in $(seq 100); do
    [ "$(rg "$@" 2>/dev/null | json "$expr" 2>/dev/null)" = True ] && return 0
    sleep 0.1
  done
  fail "$what: $(rg "$@" 2>&1 | head -c 400)"
}
