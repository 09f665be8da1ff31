#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine: install the packages, build, run or test.
#   scripts/dev.sh run    install, build, start opdims-explorer on its embedded default network
#   scripts/dev.sh test   install, build, run every test (widget tests under xvfb-run), then the
#                         hardened pass: core, CLI and their tests built with clang under
#                         AddressSanitizer + UndefinedBehaviorSanitizer for portable x86-64-v2
#                         CPUs, their tests (core, cli, hardening) and every libFuzzer harness
#                         for a few seconds
#   scripts/dev.sh package    a portable .deb (x86-64-v2) in build-package/
#   scripts/dev.sh deps | build | hardened    single steps
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${OPDIMS_BUILD_DIR:-$here/build}"
jobs="${OPDIMS_JOBS:-$(nproc)}"
hardened="${OPDIMS_HARDENED_BUILD_DIR:-$here/build-hardened}"
sanitize="-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=all -fno-omit-frame-pointer -gline-tables-only"
hardened_labels="core|cli|hardening"

packages=(
    cmake g++ make
    qt6-base-dev libqt6opengl6-dev qt6-tools-dev qt6-l10n-tools libqt6svg6-dev qt6-qpa-plugins
    libqcustomplot-dev libvtk9-dev libeigen3-dev libhdf5-dev zlib1g-dev libzip-dev pkg-config
    libavcodec-dev libavformat-dev libavutil-dev libswscale-dev
    nlohmann-json3-dev slurmctld slurmd slurm-client munge
    pybind11-dev python3-dev python3-pytest python3-tqdm jupyter-nbconvert python3-ipykernel
    python3-matplotlib
    xvfb xauth libgl1-mesa-dri fonts-dejavu-core
    clang libfuzzer-14-dev python3 python3-h5py python3-numpy python3-torch
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
    (cd "$build" && xvfb-run -a -s "-screen 0 1600x1000x24" ctest --output-on-failure -j "$jobs" --timeout 900)
}

# A .deb for any x86-64-v2 CPU (cpack refuses a -march=native build).
package() {
    local dir="${OPDIMS_PACKAGE_BUILD_DIR:-$here/build-package}"
    cmake -S "$here" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DOPDIMS_MARCH=x86-64-v2 \
        -DOPDIMS_BUILD_TESTS=OFF
    cmake --build "$dir" -j "$jobs"
    (cd "$dir" && cpack -G DEB)
}

# The second build: clang with ASan + UBSan, -march=x86-64-v2 (what a package must run on), no GUI.
hardened_build() {
    CC=clang CXX=clang++ cmake -S "$here" -B "$hardened" -DCMAKE_BUILD_TYPE=Release \
        -DOPDIMS_MARCH=x86-64-v2 -DOPDIMS_BUILD_GUI=OFF -DOPDIMS_BUILD_FUZZERS=ON \
        -DOPDIMS_BUILD_DATA_TESTS=OFF -DOPDIMS_BUILD_PYTHON=OFF \
        -DCMAKE_C_FLAGS="$sanitize" -DCMAKE_CXX_FLAGS="$sanitize" \
        -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" "-DOPDIMS_CORPUS_ARGS=--quick;--as-limit-gb;0"
    cmake --build "$hardened" -j "$jobs"
}

hardened_test() {
    # (The corpus runs without an address-space limit there: AddressSanitizer reserves terabytes.)
    # libhdf5 1.10.8 leaks small blocks when it fails on a corrupt file: suppressed (fuzz/lsan.supp);
    # opdims' own leaks fail the run.
    (cd "$hardened" &&
        ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
            LSAN_OPTIONS="suppressions=$here/fuzz/lsan.supp:print_suppressions=0" \
            ctest --output-on-failure -j "$jobs" --timeout 900 -L "$hardened_labels")
    # A few seconds per harness. A crash whose innermost frame is inside libhdf5 itself (which
    # opdims cannot fix) is reported, not failed on; every other finding fails the run.
    OPDIMS_FUZZ_TOLERATE_LIBHDF5=1 "$here/fuzz/run_all.sh" "$hardened" "${OPDIMS_FUZZ_SECONDS:-10}"
}

case "${1:-}" in
    deps) deps ;;
    build) deps; build ;;
    run) shift; deps; build; run "$@" ;;
    test) deps; build; test_all; hardened_build; hardened_test ;;
    hardened) deps; hardened_build; hardened_test ;;
    package) deps; package ;;
    *) echo "usage: scripts/dev.sh run|test|deps|build|hardened|package" >&2; exit 2 ;;
esac
