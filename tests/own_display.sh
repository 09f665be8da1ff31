#!/bin/sh
# Runs one GUI test in an X server of its own: tests/own_display.sh test-executable [args...]
#
# ctest runs tests in parallel. GUI tests that share one X server take the keyboard focus from each
# other (activating a window there deactivates the other process's window), and a test that sends
# keys to shortcuts then waits for keys that went nowhere. Xvfb picks a free display number itself
# (-displayfd), so parallel tests cannot collide on one. Without Xvfb the test runs on the display
# it was given.
set -u
if ! command -v Xvfb >/dev/null 2>&1; then
    exec "$@"
fi
fifo_dir=$(mktemp -d) || exit 1
fifo="$fifo_dir/display"
mkfifo "$fifo" || { rm -rf "$fifo_dir"; exit 1; }
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$fifo" 2>"$fifo_dir/xvfb.log" &
xvfb=$!
# Xvfb writes the display number once it accepts clients; an empty read means it failed.
display=""
read -r display <"$fifo" || true
if [ -z "$display" ]; then
    echo "own_display.sh: Xvfb did not start:" >&2
    cat "$fifo_dir/xvfb.log" >&2
    kill "$xvfb" 2>/dev/null
    rm -rf "$fifo_dir"
    exit 1
fi
DISPLAY=":$display" "$@"
rc=$?
kill "$xvfb" 2>/dev/null
wait "$xvfb" 2>/dev/null
rm -rf "$fifo_dir"
exit "$rc"
