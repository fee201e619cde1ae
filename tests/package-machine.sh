#!/usr/bin/env bash
# Installs the Debian package into a clean Debian 12 root (debootstrap, Debian's minimal base)
# the way a shop owner would, with `apt-get install ./regulars_<version>_amd64.deb` pulling its
# dependencies from Debian, and checks it there: `regulars --version`, a demo shop of 1,000
# customers and its figures (as a person, not root), the counter window opened under Xvfb
# from the desktop entry's own command (a screenshot is kept), the service units accepted by
# `systemd-analyze verify`, an upgrade keeping the data, and removal keeping /var/lib/regulars.
# Measures the package's size, its installed size, and the time from `apt-get install` to
# the counter window's first frame. Too slow for every test run (a few minutes: debootstrap
# and Debian's downloads); run it before a release. Needs root and Debian's mirror.
#
#   tests/package-machine.sh [DEB] [ROOT]
#       DEB   the package (default: tests/package.sh --build makes it)
#       ROOT  where the clean root goes (default /var/tmp/regulars-package; made anew)
#
# The screenshot is left in $CARGO_TARGET_DIR/window-shots/package-machine.png (or target/).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
deb="${1:-}"
root="${2:-/var/tmp/regulars-package}"
source "$repo/tests/debian-root.bash"
fail() { echo "!! $*"; exit 1; }
shots="${CARGO_TARGET_DIR:-$repo/target}/window-shots"
mkdir -p "$shots"

if [ -z "$deb" ]; then
  deb=$("$repo/tests/package.sh" --build | tail -1)
fi
[ -f "$deb" ] || fail "no package at $deb"
version=$(dpkg-deb -f "$deb" Version)

trap unmount_root EXIT
make_root
mount_root
cp "$deb" "$root/tmp/"
pkg="/tmp/$(basename "$deb")"
in_root apt-get update -qq

echo "== apt-get install ./$(basename "$deb")"
start=$(date +%s.%N)
in_root apt-get install -y -qq "$pkg" >"$root/tmp/install.log" 2>&1 || { cat "$root/tmp/install.log"; fail "apt-get install failed"; }
installed_at=$(date +%s.%N)
install_s=$(awk "BEGIN {printf \"%.1f\", $installed_at - $start}")
echo "installed in ${install_s} s"

echo "== regulars --version"
got=$(in_root regulars --version)
[ "$got" = "regulars $version" ] || fail "regulars --version says '$got'"
echo "$got"

echo "== the services' user and folder"
in_root getent passwd regulars | grep -q ':/var/lib/regulars:' || fail "no regulars system user"
owner=$(in_root stat -c %U:%a /var/lib/regulars)
[ "$owner" = "regulars:700" ] || fail "/var/lib/regulars is $owner"

echo "== a person's demo shop and its figures"
in_root useradd -m -s /bin/bash cashier
as_cashier() { in_root runuser -u cashier -- env HOME=/home/cashier "$@"; }
as_cashier regulars demo --customers 1000 >/dev/null || fail "regulars demo failed"
as_cashier regulars stats >"$root/tmp/stats.txt" || fail "regulars stats failed"
head -5 "$root/tmp/stats.txt"
grep -q '[0-9]' "$root/tmp/stats.txt" || fail "regulars stats printed no figures"

echo "== the window from the desktop entry, under Xvfb"
in_root apt-get install -y -qq --no-install-recommends xvfb x11-apps imagemagick >/dev/null
exec_line=$(sed -n 's/^Exec=//p' "$root/usr/share/applications/regulars.desktop")
in_root sh -c 'Xvfb :91 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & echo $! >/tmp/xvfb.pid'
sleep 2
as_cashier sh -c "DISPLAY=:91 REGULARS_TIMING=1 $exec_line >/tmp/window.log 2>&1 & echo \$! >/tmp/window.pid"
first=""
for _ in $(seq 150); do
  first=$(grep -o 'first frame [0-9]* ms' "$root/tmp/window.log" || true)
  [ -n "$first" ] && break
  sleep 0.2
done
[ -n "$first" ] || { cat "$root/tmp/window.log"; fail "the window drew no frame"; }
sleep 3
in_root sh -c 'DISPLAY=:91 import -window root /tmp/window.png'
cp "$root/tmp/window.png" "$shots/package-machine.png"
kill "$(cat "$root/tmp/window.pid")" "$(cat "$root/tmp/xvfb.pid")" 2>/dev/null || true
frame_ms=${first//[^0-9]/}
echo "window: $first; screenshot: $shots/package-machine.png"

echo "== systemd-analyze verify"
in_root apt-get install -y -qq --no-install-recommends systemd >/dev/null
for u in regulars-pages regulars-serve; do
  out=$(in_root systemd-analyze verify --man=no "/usr/lib/systemd/system/$u.service" 2>&1 || true)
  [ -z "$out" ] || { echo "$out"; fail "systemd-analyze verify refused $u.service"; }
  state=$(in_root systemctl is-enabled "$u.service" 2>/dev/null || true)
  [ "$state" = disabled ] || fail "$u.service is '$state', not disabled"
done
echo "both units verified, both disabled"

echo "== the device rule, read by udev"
in_root apt-get install -y -qq --no-install-recommends udev >/dev/null
out=$(in_root udevadm test --action=add /sys/class/tty/ptmx 2>&1 || true)
echo "$out" | grep -q '70-regulars.rules' || { echo "$out" | head -20; fail "udev did not read 70-regulars.rules"; }
if echo "$out" | grep -i '70-regulars.rules' | grep -qiE 'invalid|error|failed|unknown'; then
  echo "$out" | grep -i '70-regulars.rules'
  fail "udev found problems in 70-regulars.rules"
fi
echo "udev reads 70-regulars.rules without complaint"

echo "== data in /var/lib/regulars, an upgrade, then apt-get remove"
in_root runuser -u regulars -- env REGULARS_DATA=/var/lib/regulars regulars demo --customers 50 >/dev/null
before=$(in_root runuser -u regulars -- env REGULARS_DATA=/var/lib/regulars regulars --json stats | sha256sum)
# The same package as the next version: dpkg's upgrade path through the maintainer scripts.
next="$root/tmp/next"
rm -rf "$next" && dpkg-deb -R "$deb" "$next"
sed -i "s/^Version: .*/Version: $version+upgrade1/" "$next/DEBIAN/control"
dpkg-deb -b "$next" "$root/tmp/regulars-next.deb" >/dev/null
in_root apt-get install -y -qq /tmp/regulars-next.deb >/dev/null || fail "the upgrade failed"
after=$(in_root runuser -u regulars -- env REGULARS_DATA=/var/lib/regulars regulars --json stats | sha256sum)
[ "$before" = "$after" ] || fail "the upgrade changed the shop's figures"
in_root test -f /home/cashier/.local/share/regulars/regulars.db || fail "the cashier's shop is gone after the upgrade"
in_root apt-get remove -y -qq regulars >/dev/null || fail "apt-get remove failed"
in_root test -f /var/lib/regulars/regulars.db || fail "apt-get remove deleted /var/lib/regulars"
in_root test ! -e /usr/bin/regulars || fail "apt-get remove left the program"
echo "removed; /var/lib/regulars kept: $(in_root ls /var/lib/regulars | tr '\n' ' ')"

awk -v size="$(stat -c %s "$deb")" -v isize="$(dpkg-deb -f "$deb" Installed-Size)" \
  -v install="$install_s" -v frame="$frame_ms" 'BEGIN {
    printf "measured: package %.1f MB, installed %.1f MB, apt-get install %.1f s + first frame %d ms = %.1f s from apt-get install to the window\n",
      size / 1048576, isize / 1024, install, frame, install + frame / 1000 }'
echo "ok"
