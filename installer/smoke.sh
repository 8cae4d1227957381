#!/usr/bin/env bash
# The .deb works on its own: unpacked into a fresh folder (dpkg-deb -x, no install), it renders
# the demo window to a PNG offscreen, with a clean environment (no project venv on PATH, no
# PYTHONPATH, a fresh HOME) and from a folder outside the source tree. Fails if the PNG is
# missing or empty. The demo's size is CUR_DEMO_INCIDENTS (300); above 5,000 (installer/Makefile
# gives 6,000) it also checks that the first pull went on in the feed process.
set -euo pipefail
deb=$(realpath "$1")
out_dir=$(realpath "${2:-build}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work/root"
# The bundle says the version the package says (what IT departments compare).
version=$(env -i PATH=/usr/bin:/bin "$work/root/opt/cur-desktop/cur-desktop" --version)
if [ "$version" != "cur-desktop $(dpkg-deb -f "$deb" Version)" ]; then
    echo "smoke: the bundle says '$version', the package $(dpkg-deb -f "$deb" Version)" >&2
    exit 1
fi
mkdir -p "$work/home"
png="$work/queue.png"
start=$(date +%s.%N)
(cd "$work" && env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
    QT_QPA_PLATFORM=offscreen CUR_DEMO_INCIDENTS="${CUR_DEMO_INCIDENTS:-300}" \
    "$work/root/opt/cur-desktop/cur-desktop" \
    --demo --screenshot "$png" --view queue)
end=$(date +%s.%N)
if [ ! -s "$png" ]; then
    echo "smoke: the unpacked bundle wrote no screenshot ($png missing or empty)" >&2
    exit 1
fi
# A pull of more than 5,000 incidents goes on in a feed process (multiprocessing's spawn): in
# the frozen bundle that child is the bundle itself, started with --multiprocessing-fork.
log=$(find "$work/home" -name cur-desktop.log | head -n 1)
if [ "${CUR_DEMO_INCIDENTS:-300}" -gt 5000 ] && ! grep -q "pull goes on in a feed process" "$log"; then
    echo "smoke: the bundle's feed process did not take over the pull (log: $log)" >&2
    grep -i "feed" "$log" >&2 || true
    exit 1
fi
mkdir -p "$out_dir"
cp "$png" "$out_dir/smoke-queue.png"
echo "smoke: $(stat -c %s "$png") bytes in $(awk "BEGIN{printf \"%.1f\", $end - $start}") s -> $out_dir/smoke-queue.png"
