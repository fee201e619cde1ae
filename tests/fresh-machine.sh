#!/usr/bin/env bash
# Runs tests/run.sh in a fresh clone inside a clean Debian 12 root made with debootstrap, with
# nothing in it beyond Debian's minimal base and this machine's Rust toolchain: the proof that
# the one test command installs everything the tests need. Needs root (debootstrap, chroot,
# mounts) and Debian's mirror. Takes as long as a first build plus the tests.
#
#   tests/fresh-machine.sh [ROOT]     (default /var/tmp/regulars-fresh; made anew each run)
#
# What is copied in beyond tests/debian-root.bash's: the Rust toolchain (rustup's active one;
# the brief's "nothing beyond the Rust toolchain") and the committed HEAD of this repository (a
# clone, so uncommitted files do not count).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
root="${1:-/var/tmp/regulars-fresh}"
source "$repo/tests/debian-root.bash"
trap unmount_root EXIT
make_root

echo "== the Rust toolchain"
toolchain=$(rustup show active-toolchain | cut -d' ' -f1)
rustup_home="${RUSTUP_HOME:-$HOME/.rustup}"
cargo_home="${CARGO_HOME:-$HOME/.cargo}"
mkdir -p "$root/root/.rustup/toolchains" "$root/root/.cargo"
cp -a "$rustup_home/toolchains/$toolchain" "$root/root/.rustup/toolchains/"
cp -a "$rustup_home/settings.toml" "$root/root/.rustup/" 2>/dev/null || true
cp -a "$cargo_home/bin" "$root/root/.cargo/"
# What the tests install with `cargo install` (tests/outside-parts.txt) is left out, so the
# run proves it installs them.
awk '$1 == "cargo" {sub(/@.*/, "", $2); print $2}' "$repo/tests/outside-parts.txt" |
  while read -r tool; do rm -f "$root/root/.cargo/bin/$tool"; done

echo "== a fresh clone of $(git -C "$repo" rev-parse --short HEAD)"
git clone -q "$repo" "$root/work/regulars"

mount_root

echo "== tests/run.sh inside the fresh root"
chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
  PATH=/root/.cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  RUSTUP_TOOLCHAIN="$toolchain" \
  /bin/bash -c 'cd /work/regulars && time tests/run.sh'
