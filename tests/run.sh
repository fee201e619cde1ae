#!/usr/bin/env bash
# The one test command: installs the outside parts the tests need (tests/outside-parts.txt),
# then runs `cargo test` and every test that needs a real window, a browser or an outside
# program, and ends with one summary line. Nothing is skipped silently: a part that cannot be
# installed makes the tests that need it fail, with the command that would install it.
#
#   tests/run.sh                 install what is missing, build, run everything
#   tests/run.sh --parts-table   print the README's table of outside parts
#   tests/run.sh --no-install    run with what is there (missing parts still count as failures)
#   tests/run.sh --install-only  install what is missing, run nothing
#
# Builds go to $CARGO_TARGET_DIR when it is set (reuse it between runs: the first build of the
# whole stack takes minutes), else to ./target.
set -uo pipefail
cd "$(dirname "$0")/.."
parts_file=tests/outside-parts.txt

# Rows of the parts list as "kind|package|check|needed by".
parts() {
  grep -v '^\s*#' "$parts_file" | grep -v '^\s*$' |
    sed -E 's/^([a-z]+)[[:space:]]+([^[:space:]]+)[[:space:]]+([^[:space:]]+)[[:space:]]+(.*)$/\1|\2|\3|\4/'
}

if [ "${1:-}" = --parts-table ]; then
  echo "| part | from | needed by |"
  echo "|---|---|---|"
  parts | while IFS='|' read -r kind pkg _check needed; do
    case "$kind" in
      apt) from="Debian (\`apt-get install $pkg\`)" ;;
      pip) from="PyPI (\`pip install $pkg\`)" ;;
      cargo) from="crates.io (\`cargo install --locked $pkg\`)" ;;
    esac
    echo "| \`$pkg\` | $from | ${needed% \[*\]} |"
  done
  exit 0
fi
install=1 run=1
[ "${1:-}" = --no-install ] && install=0
[ "${1:-}" = --install-only ] && run=0

present() { # kind package check
  case "$3" in
    -) dpkg-query -W -f='${Status}' "$2" 2>/dev/null | grep -q 'install ok installed' ;;
    py:*) python3 -c "import ${3#py:}" >/dev/null 2>&1 ;;
    /*) [ -e "$3" ] ;;
    *) command -v "$3" >/dev/null 2>&1 ;;
  esac
}
missing() { # kind: the packages of that kind not present
  parts | while IFS='|' read -r kind pkg check _; do
    [ "$kind" = "$1" ] && ! present "$kind" "$pkg" "$check" && echo "$pkg"
  done
}
if [ "$(id -u)" = 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo -n); else sudo=(none); fi

if [ $install = 1 ]; then
  mapfile -t apt_missing < <(missing apt)
  if [ ${#apt_missing[@]} -gt 0 ]; then
    echo "== installing from Debian: ${apt_missing[*]}"
    if [ "${sudo[0]:-}" = none ]; then
      echo "!! not root and no sudo: cannot install ${apt_missing[*]}"
    else
      export DEBIAN_FRONTEND=noninteractive
      apt=("${sudo[@]}" apt-get install -y -qq --no-install-recommends)
      "${sudo[@]}" apt-get update -qq || echo "!! apt-get update failed"
      # All at once; when that fails, one by one, so one unknown package does not stop the rest.
      "${apt[@]}" "${apt_missing[@]}" >/dev/null ||
        for p in "${apt_missing[@]}"; do "${apt[@]}" "$p" >/dev/null || echo "!! apt-get could not install $p"; done
    fi
  fi
  mapfile -t pip_missing < <(missing pip)
  if [ ${#pip_missing[@]} -gt 0 ]; then
    echo "== installing from PyPI: ${pip_missing[*]}"
    pip=(python3 -m pip install --quiet --disable-pip-version-check)
    # Debian's own Python refuses installs outside a virtual environment (PEP 668).
    "${pip[@]}" "${pip_missing[@]}" 2>/dev/null ||
      "${pip[@]}" --break-system-packages "${pip_missing[@]}" ||
      echo "!! pip could not install ${pip_missing[*]}"
  fi
  mapfile -t cargo_missing < <(missing cargo)
  for c in "${cargo_missing[@]}"; do
    echo "== installing from crates.io: $c"
    cargo install --quiet --locked "$c" || echo "!! cargo could not install $c"
  done
fi

[ $run = 1 ] || exit 0

# Each suite whose parts are still missing fails, naming the command that installs them.
declare -A suite_missing=()
while IFS='|' read -r kind pkg check needed; do
  present "$kind" "$pkg" "$check" && continue
  suite=$(sed -nE 's/.*\[([a-z]+)\]$/\1/p' <<<"$needed")
  case "$kind" in
    apt) cmd="apt-get install $pkg" ;;
    pip) cmd="python3 -m pip install $pkg" ;;
    cargo) cmd="cargo install --locked $pkg" ;;
  esac
  suite_missing[$suite]+="${suite_missing[$suite]:+; }$cmd"
done < <(parts)

passed=0 failed=0 skipped=0
failures=()
fail() { failed=$((failed + 1)); failures+=("$1"); echo "!! FAILED: $1"; }
for suite in build browser escpos shaping window package; do
  [ -n "${suite_missing[$suite]:-}" ] && fail "$suite: missing parts (install with: ${suite_missing[$suite]})"
done
[ -n "${suite_missing[build]:-}" ] && { # The Debian package: built from the release build, its contents checked, lintian.
if [ -z "${suite_missing[package]:-}" ]; then
  echo "== tests/package.sh"
  if tests/package.sh; then passed=$((passed + 1)); else fail "tests/package.sh"; fi
fi

echo "summary: $passed passed, $failed failed, $skipped skipped — ${failures[*]}"; exit 1; }

export CARGO_TERM_COLOR=never
# A test whose part is missing fails too (no switch makes it pass without running): its
# message names the command that installs the part.

echo "== cargo test"
log=$(mktemp)
cargo test 2>&1 | tee "$log"
cargo_rc=${PIPESTATUS[0]}
# Each test binary ends with "test result: ok. N passed; M failed; K ignored; ...".
read -r cp cf ci < <(sed -nE 's/^test result: [a-zA-Z]+\. ([0-9]+) passed; ([0-9]+) failed; ([0-9]+) ignored.*/\1 \2 \3/p' "$log" |
  awk '{p+=$1; f+=$2; i+=$3} END {print p+0, f+0, i+0}')
rm -f "$log"
passed=$((passed + cp)); skipped=$((skipped + ci))
if [ "$cf" -gt 0 ]; then
  failed=$((failed + cf)); failures+=("cargo test: $cf failed")
elif [ "$cargo_rc" != 0 ]; then
  fail "cargo test exited $cargo_rc"
fi

# Tests of the real window (Xvfb, keys by xdotool) and other whole-program scripts.
if [ -z "${suite_missing[window]:-}" ]; then
  for t in tests/window/*.sh; do
    [ -e "$t" ] || continue
    echo "== $t"
    if bash "$t"; then passed=$((passed + 1)); else fail "$t"; fi
  done
fi

# The Debian package: built from the release build, its contents checked, lintian.
if [ -z "${suite_missing[package]:-}" ]; then
  echo "== tests/package.sh"
  if tests/package.sh; then passed=$((passed + 1)); else fail "tests/package.sh"; fi
fi

echo "summary: $passed passed, $failed failed, $skipped skipped${failures:+ — ${failures[*]}}"
[ "$failed" = 0 ]
