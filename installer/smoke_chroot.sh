#!/usr/bin/env bash
# The .deb on an older Debian than the build machine's (installer/README.md, "The glibc floor"):
# debootstrap SUITE into a chroot, `apt-get install` the .deb there (so its Depends must resolve
# from that release and dpkg checks `libc6 (>= floor)`), then render the demo window offscreen
# inside the chroot, with that release's glibc. Needs root, debootstrap and the Debian mirror.
#
#     sudo installer/smoke_chroot.sh dist/release/cur-desktop_VERSION_amd64.deb [SUITE] [OUT_DIR]
#
# SUITE defaults to bullseye (glibc 2.31); buster (2.28) is only on archive.debian.org:
# MIRROR=http://archive.debian.org/debian. The chroot stays in CHROOT (reused by a rerun).
set -euo pipefail
deb=$(realpath "$1")
suite=${2:-bullseye}
out_dir=$(realpath "${3:-build}")
root=${CHROOT:-/tmp/cur-chroot-$suite}
mirror=${MIRROR:-http://deb.debian.org/debian}

if [ ! -x "$root/usr/bin/apt-get" ]; then
    debootstrap --variant=minbase "$suite" "$root" "$mirror"
fi
mounted=0
if ! mountpoint -q "$root/proc"; then
    mount -t proc proc "$root/proc"
    mounted=1
fi
trap 'if [ $mounted = 1 ]; then umount "$root/proc"; fi' EXIT

cp "$deb" "$root/tmp/cur-desktop.deb"
chroot "$root" apt-get update -q
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q /tmp/cur-desktop.deb
echo "chroot: $suite, $(chroot "$root" ldd --version | head -n 1)"
rm -rf "$root/tmp/smoke"
mkdir -p "$root/tmp/smoke/home"
chroot "$root" env -i HOME=/tmp/smoke/home PATH=/usr/bin:/bin LANG=C.UTF-8 \
    QT_QPA_PLATFORM=offscreen sh -c 'cd /tmp/smoke &&
        cur-desktop --demo --screenshot /tmp/smoke/queue.png --view queue'
if [ ! -s "$root/tmp/smoke/queue.png" ]; then
    echo "smoke_chroot: no screenshot from the bundle on $suite" >&2
    exit 1
fi
mkdir -p "$out_dir"
cp "$root/tmp/smoke/queue.png" "$out_dir/smoke-$suite-queue.png"
echo "smoke_chroot: $suite rendered $out_dir/smoke-$suite-queue.png"
