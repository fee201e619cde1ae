# A clean Debian 12 root made with debootstrap (Debian's minimal base), for the scripts that
# prove something on a fresh machine: tests/fresh-machine.sh (the tests from a clean clone) and
# tests/package-machine.sh (the package installed with apt-get). Sourced; needs root.
#
# What is copied in, and why: /etc/resolv.conf, an /etc/hosts naming localhost (every installed
# machine has one; debootstrap writes none), and this machine's CA bundle (a network that
# inspects TLS signs with its own certificate, which a fresh root would not trust).

# Unmounts what mount_root mounted under $root.
unmount_root() {
  for m in dev proc sys; do umount -R -l "$root/$m" 2>/dev/null || true; done
}

# Makes $root anew: debootstrap bookworm, Debian's sources, name resolution and certificates.
make_root() {
  [ "$(id -u)" = 0 ] || { echo "$0 needs root (sudo $0)"; exit 2; }
  command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
  unmount_root
  # Never delete through a mount that is still there (the bind of /dev above all).
  if grep -q " $root/" /proc/mounts; then echo "$root still has mounts: unmount them first"; exit 1; fi
  rm -rf --one-file-system "$root"
  echo "== debootstrap bookworm into $root"
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
  cat >"$root/etc/apt/sources.list" <<SOURCES
deb http://deb.debian.org/debian bookworm main
deb http://deb.debian.org/debian bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
SOURCES
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"
  mkdir -p "$root/etc/ssl/certs" "$root/usr/local/share/ca-certificates"
  cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
  cp /etc/ssl/certs/ca-certificates.crt "$root/usr/local/share/ca-certificates/host-bundle.crt"
}

# Mounts /proc, /sys and the whole /dev tree (/dev/pts for pseudo-terminals, /dev/shm for
# Chromium and Mesa) into $root.
mount_root() {
  mount -t proc proc "$root/proc"
  mount -t sysfs sys "$root/sys"
  mount --rbind /dev "$root/dev"
  mount --make-rslave "$root/dev"
}

# Runs a command inside $root with a clean environment.
in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}
