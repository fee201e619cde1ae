#!/usr/bin/env bash
# Builds the Debian package, regulars_<version>_amd64.deb, and checks it: what it holds, its
# control fields, the program inside it, its desktop entry and service units, and lintian (no
# errors). tests/run.sh runs it; it also is how to build the package yourself.
#
#   tests/package.sh            build and check (prints the package's path and sizes)
#   tests/package.sh --build    build only
#
# Needs: cargo-deb (cargo install --locked cargo-deb), lintian, desktop-file-utils, systemd
# (systemd-analyze). The release build takes 10 to 16 minutes the first time on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
mkdir -p "$target"
target=$(cd "$target" && pwd)
version=$(sed -nE 's/^version = "([^"]+)"/\1/p' Cargo.toml | head -1)

echo "-- release build"
cargo build --release --locked -q
bin="$target/release/regulars"
# What the package installs beside the program, made by the program itself.
extra="$target/release/package"
rm -rf "$extra"
mkdir -p "$extra/completions"
"$bin" manual --out "$extra/man" >/dev/null
gzip -9n "$extra"/man/*.1
gzip -9n <assets/package/changelog >"$extra/changelog.gz"
head -1 assets/package/changelog | grep -q "^regulars ($version)" ||
  { echo "assets/package/changelog has no entry for $version: add one at its top"; exit 1; }
"$bin" completions bash >"$extra/completions/regulars"
"$bin" completions zsh >"$extra/completions/_regulars"
"$bin" completions fish >"$extra/completions/regulars.fish"
echo "-- cargo deb"
deb=$(cargo deb --no-build --strip --locked -q -o "$target/debian/")
deb=${deb:-$target/debian/regulars_${version}_amd64.deb}
[ "$(basename "$deb")" = "regulars_${version}_amd64.deb" ] || { echo "unexpected package name: $deb"; exit 1; }
echo "$deb"
[ "${1:-}" = --build ] && exit 0

fail() { echo "!! $*"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "-- contents"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/files"
for f in /usr/bin/regulars /usr/share/applications/regulars.desktop \
  /usr/share/icons/hicolor/256x256/apps/regulars.png /usr/share/icons/hicolor/48x48/apps/regulars.png \
  /usr/share/icons/hicolor/scalable/apps/regulars.svg /usr/share/man/man1/regulars.1.gz \
  /usr/share/man/man1/regulars-serve.1.gz /usr/share/man/man1/regulars-customer-add.1.gz \
  /usr/share/bash-completion/completions/regulars /usr/share/zsh/vendor-completions/_regulars \
  /usr/share/fish/vendor_completions.d/regulars.fish /usr/lib/systemd/system/regulars-pages.service \
  /usr/lib/systemd/system/regulars-serve.service /lib/udev/rules.d/70-regulars.rules \
  /usr/share/doc/regulars/copyright /usr/share/doc/regulars/changelog.gz \
  /usr/share/metainfo/regulars.metainfo.xml; do
  grep -qx "$f" "$work/files" || fail "the package lacks $f"
done
# Nothing of the shop's data: that is the owner's, kept across upgrades and removal.
if grep -q '^/var/lib/regulars/.' "$work/files"; then fail "the package ships files in /var/lib/regulars"; fi

echo "-- control"
dpkg-deb -f "$deb" Package Version Architecture Depends Installed-Size >"$work/control"
cat "$work/control"
grep -qx "Version: $version" "$work/control" || fail "the package's version is not $version"
grep -q '^Depends:.*libc6' "$work/control" || fail "no libc6 in Depends (dependencies not found automatically)"
grep -q '^Depends:.*adduser' "$work/control" || fail "no adduser in Depends"
dpkg-deb -e "$deb" "$work/DEBIAN"
grep -q 'adduser --system' "$work/DEBIAN/postinst" || fail "postinst makes no system user"
grep -q 'deb-systemd-helper' "$work/DEBIAN/postinst" || fail "postinst does not register the units"
# Disabled until the owner enables them: no enable or start on install.
if grep -qE 'deb-systemd-helper enable|deb-systemd-invoke (start|restart)' "$work/DEBIAN/postinst" &&
  ! grep -q 'was-enabled' "$work/DEBIAN/postinst"; then
  fail "postinst enables or starts the services"
fi
if [ -f "$work/DEBIAN/postrm" ] && grep -q 'rm -rf* /var/lib/regulars' "$work/DEBIAN/postrm"; then
  fail "postrm deletes /var/lib/regulars"
fi

echo "-- the program inside"
dpkg-deb -x "$deb" "$work/root"
got=$("$work/root/usr/bin/regulars" --version)
[ "$got" = "regulars $version" ] || fail "regulars --version says '$got'"
file "$work/root/usr/bin/regulars" | grep -q 'stripped' || fail "the program is not stripped"
file "$work/root/usr/bin/regulars" | grep -q 'not stripped' && fail "the program is not stripped"
zcat "$work/root/usr/share/man/man1/regulars.1.gz" | grep -q '^\.TH REGULARS 1' || fail "regulars.1 is not a manual page"
bash -n "$work/root/usr/share/bash-completion/completions/regulars" || fail "the bash completions do not parse"
grep -q 'complete -c regulars' "$work/root/usr/share/fish/vendor_completions.d/regulars.fish" || fail "no fish completions"

echo "-- desktop entry and units"
desktop-file-validate "$work/root/usr/share/applications/regulars.desktop" || fail "desktop-file-validate refused the desktop entry"
exec_line=$(sed -n 's/^Exec=//p' "$work/root/usr/share/applications/regulars.desktop")
[ "$exec_line" = regulars ] || fail "the desktop entry runs '$exec_line'"
# The units against this system's own targets, with the program from the package (any word
# from systemd-analyze is a problem: it warns of unknown keys and still exits 0).
for u in regulars-pages regulars-serve; do
  unit="$work/root/usr/lib/systemd/system/$u.service"
  grep -q '^User=regulars' "$unit" || fail "$u runs as root"
  grep -q '^Environment=REGULARS_DATA=/var/lib/regulars' "$unit" || fail "$u keeps its data elsewhere"
  sed "s|/usr/bin/regulars|$work/root/usr/bin/regulars|" "$unit" >"$work/$u.service"
  systemd-analyze verify --man=no "$work/$u.service" >"$work/verify" 2>&1 || true
  [ -s "$work/verify" ] && { cat "$work/verify"; fail "systemd-analyze verify found problems in $u.service"; }
done

echo "-- lintian"
lintian --fail-on error --suppress-tags-from-file /dev/null "$deb" | tee "$work/lintian" || fail "lintian reports errors"
grep -q '^E:' "$work/lintian" && fail "lintian reports errors"

size=$(stat -c %s "$deb")
installed=$(sed -n 's/^Installed-Size: //p' "$work/control")
echo "package: $(basename "$deb"), $((size / 1024 / 1024)) MB ($size bytes); installed: $((installed / 1024)) MB"
echo "ok"
