#!/usr/bin/env bash
# The .deb works on its own: unpacked into a fresh folder (dpkg-deb -x, no install), it renders
# the demo window to a PNG offscreen, with a clean environment (no project venv on PATH, no
# PYTHONPATH, a fresh HOME) and from a folder outside the source tree. Fails if the PNG is
# missing or empty. A small demo region (CUR_DEMO_INCIDENTS, 300): the demo's size is not what it checks.
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
mkdir -p "$out_dir"
cp "$png" "$out_dir/smoke-queue.png"
echo "smoke: $(stat -c %s "$png") bytes in $(awk "BEGIN{printf \"%.1f\", $end - $start}") s -> $out_dir/smoke-queue.png"
