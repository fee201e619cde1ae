#!/usr/bin/env bash
# Runs tests/run.sh in a fresh clone inside a clean Debian 12 root made with debootstrap, with
# nothing in it beyond Debian's minimal base and this machine's Rust toolchain: the proof that
# the one test command installs everything the tests need. Needs root (debootstrap, chroot,
# mounts) and Debian's mirror. Takes as long as a first build plus the tests.
#
#   tests/fresh-machine.sh [ROOT]     (default /var/tmp/regulars-fresh; made anew each run)
#
# What is copied in, and why: the Rust toolchain (rustup's active one; the brief's "nothing
# beyond the Rust toolchain"), the committed HEAD of this repository (a clone, so uncommitted
# files do not count), /etc/resolv.conf, an /etc/hosts naming localhost (every installed
# machine has one; debootstrap writes none, and ChromeDriver reaches Chromium at "localhost"),
# and this machine's CA bundle (a network that inspects TLS signs with its own certificate,
# which a fresh root would not trust).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
root="${1:-/var/tmp/regulars-fresh}"
[ "$(id -u)" = 0 ] || { echo "fresh-machine.sh needs root (sudo $0)"; exit 2; }
command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }

cleanup() {
  for m in dev proc sys; do umount -R -l "$root/$m" 2>/dev/null || true; done
}
trap cleanup EXIT
cleanup
# Never delete through a mount that is still there (the bind of /dev above all).
if grep -q " $root/" /proc/mounts; then echo "$root still has mounts: unmount them first"; exit 1; fi
rm -rf --one-file-system "$root"
echo "== debootstrap bookworm into $root"
debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
cat > "$root/etc/apt/sources.list" <<SOURCES
deb http://deb.debian.org/debian bookworm main
deb http://deb.debian.org/debian bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
SOURCES
cp /etc/resolv.conf "$root/etc/resolv.conf"
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$root/etc/hosts"
mkdir -p "$root/etc/ssl/certs" "$root/usr/local/share/ca-certificates"
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
cp /etc/ssl/certs/ca-certificates.crt "$root/usr/local/share/ca-certificates/host-bundle.crt"

echo "== the Rust toolchain"
toolchain=$(rustup show active-toolchain | cut -d' ' -f1)
rustup_home="${RUSTUP_HOME:-$HOME/.rustup}"
cargo_home="${CARGO_HOME:-$HOME/.cargo}"
mkdir -p "$root/root/.rustup/toolchains" "$root/root/.cargo"
cp -a "$rustup_home/toolchains/$toolchain" "$root/root/.rustup/toolchains/"
cp -a "$rustup_home/settings.toml" "$root/root/.rustup/" 2>/dev/null || true
cp -a "$cargo_home/bin" "$root/root/.cargo/"

echo "== a fresh clone of $(git -C "$repo" rev-parse --short HEAD)"
git clone -q "$repo" "$root/work/regulars"

mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
# The whole /dev tree: /dev/pts for the serial tests' pseudo-terminals, /dev/shm for Chromium.
mount --rbind /dev "$root/dev"
mount --make-rslave "$root/dev"

echo "== tests/run.sh inside the fresh root"
chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
  PATH=/root/.cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  RUSTUP_TOOLCHAIN="$toolchain" \
  /bin/bash -c 'cd /work/regulars && time tests/run.sh'
