#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine: install the packages, build, run or test.
#   scripts/dev.sh run    install, build, start opdims-explorer on its embedded default network
#   scripts/dev.sh test   install, build, run every test (widget tests under xvfb-run)
#   scripts/dev.sh deps | build    the first steps alone
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${OPDIMS_BUILD_DIR:-$here/build}"
jobs="${OPDIMS_JOBS:-$(nproc)}"

packages=(
    cmake g++ make
    qt6-base-dev libqt6opengl6-dev qt6-tools-dev qt6-l10n-tools libqt6svg6-dev qt6-qpa-plugins
    libqcustomplot-dev libvtk9-dev libeigen3-dev libhdf5-dev zlib1g-dev
    xvfb xauth libgl1-mesa-dri fonts-dejavu-core
)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

deps() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "== installing: ${missing[*]}"
        as_root apt-get update -q
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
}

build() {
    cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release
    cmake --build "$build" -j "$jobs"
}

run() {
    local app="$build/app/explorer/opdims-explorer"
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        exec "$app" "$@"
    fi
    echo "== no display: starting opdims-explorer inside Xvfb (xvfb-run)"
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$app" "$@"
}

test_all() {
    cd "$build"
    xvfb-run -a -s "-screen 0 1600x1000x24" ctest --output-on-failure -j "$jobs" --timeout 900
}

case "${1:-}" in
    deps) deps ;;
    build) deps; build ;;
    run) shift; deps; build; run "$@" ;;
    test) deps; build; test_all ;;
    *) echo "usage: scripts/dev.sh run|test|deps|build" >&2; exit 2 ;;
esac
