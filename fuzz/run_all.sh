#!/usr/bin/env bash
# Runs every libFuzzer harness for a while over a copy of its seed corpus (CI: ~15 s each).
#
#   fuzz/run_all.sh BUILD_DIR SECONDS
#
# BUILD_DIR is a build configured with -DOPDIMS_BUILD_FUZZERS=ON (see fuzz/README.md). First
# every saved reproducer in fuzz/regressions/<harness>/ is run once, then the harness fuzzes for
# SECONDS. Prints the executions per harness; exits 1 if any reproducer or fuzzing run crashed,
# leaked, timed out or ran out of memory (its log and inputs are kept and their folder printed).
# The repository is not modified: corpus and artifacts live in a temporary folder.
#
# Environment: OPDIMS_FUZZ_SKIP_REGRESSIONS=1 skips the reproducers; OPDIMS_FUZZ_KEEP=DIR keeps
# the temporary folder's content in DIR; OPDIMS_FUZZ_ARGS adds libFuzzer flags.
# OPDIMS_FUZZ_TOLERATE_LIBHDF5=1 reports, but does not fail on, a crash or timeout whose innermost
# frame (below the sanitizer and libFuzzer frames) is inside libhdf5: Debian 12's HDF5 1.10.8 has
# such bugs (fuzz/README.md, "Known libhdf5 findings"); opdims' own crashes still fail the run.
set -euo pipefail

if [[ $# -ne 2 || ! $2 =~ ^[0-9]+$ ]]; then
    echo "usage: $0 BUILD_DIR SECONDS" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
seconds=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
harnesses=(fuzz_authors_h5 fuzz_opdims_h5 fuzz_load_model fuzz_npz fuzz_npy fuzz_local_dims
           fuzz_basis fuzz_fixed_points fuzz_checkpoint fuzz_trial_set_npz fuzz_trial_set_h5)

work=$(mktemp -d "${TMPDIR:-/tmp}/opdims-fuzz.XXXXXX")
failed=0
tolerated=0
cleanup() {
    if [[ -n ${OPDIMS_FUZZ_KEEP:-} ]]; then
        mkdir -p "$OPDIMS_FUZZ_KEEP" && cp -a "$work/." "$OPDIMS_FUZZ_KEEP/"
    fi
    if [[ $failed -eq 0 && $tolerated -eq 0 ]]; then
        rm -rf "$work"
    else
        echo "run_all.sh: logs and crashing inputs are in $work" >&2
    fi
}
trap cleanup EXIT

# Reports go to the log; symbolised stacks need llvm-symbolizer (found through PATH or here).
if ! command -v llvm-symbolizer >/dev/null && [[ -x /usr/bin/llvm-symbolizer-14 ]]; then
    export ASAN_SYMBOLIZER_PATH=/usr/bin/llvm-symbolizer-14
fi
# allocator_may_return_null: an absurd request (libhdf5 asks for 2^48 bytes on some corrupt
# files) returns NULL as glibc's malloc would, instead of stopping the process.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
# libhdf5's own leaks on corrupt files are not opdims' (see lsan.supp); opdims' leaks still fail.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# The module of the innermost frame of the first stack in a log that is neither the sanitizers',
# libFuzzer's nor libc's: "libhdf5..." for a crash inside libhdf5.
innermost_module() {
    awk '/ERROR|ALARM|runtime error|deadly signal/ { on = 1 }
         on && /^ *#[0-9]+ / {
             if ($0 ~ /__sanitizer|__asan|__lsan|__ubsan|__interceptor|fuzzer::|libc\.so|nptl\/|sysdeps\/|stdlib\/|in (malloc|calloc|realloc|free|abort|raise|strdup|strndup|strlen|strnlen|strcmp|strncmp|strcpy|strncpy|memcpy|memmove|memset|memcmp|memchr) /)
                 next
             if (match($0, /\(\/[^)+]*\+/)) { m = substr($0, RSTART + 1, RLENGTH - 2); sub(/.*\//, "", m) }
             else m = "opdims"
             print m; exit
         }' "$1"
}

printf '%-18s %12s %9s %10s  %s\n' harness executions seconds exec/s result
for h in "${harnesses[@]}"; do
    bin="$build/fuzz/$h"
    if [[ ! -x $bin ]]; then
        echo "run_all.sh: $bin is missing (build the target 'fuzzers')" >&2
        failed=1
        continue
    fi
    mkdir -p "$work/$h/corpus" "$work/$h/artifacts"
    if [[ -d $here/corpus/$h ]]; then
        cp -a "$here/corpus/$h/." "$work/$h/corpus/"
    fi
    dict=()
    if [[ -f $here/dict/$h.dict ]]; then
        dict=("-dict=$here/dict/$h.dict")
    fi

    # Saved reproducers: each must now pass (libFuzzer runs a file given by name once).
    if [[ -z ${OPDIMS_FUZZ_SKIP_REGRESSIONS:-} && -d $here/regressions/$h ]]; then
        while IFS= read -r repro; do
            log="$work/$h/regression-$(basename "$repro").log"
            if "$bin" -timeout=10 -rss_limit_mb=2048 "$repro" >"$log" 2>&1; then
                continue
            fi
            module=$(innermost_module "$log")
            if [[ -n ${OPDIMS_FUZZ_TOLERATE_LIBHDF5:-} && $module == libhdf5* ]]; then
                echo "$h: reproducer ${repro#"$here"/} still fails inside $module (tolerated)"
                tolerated=1
            else
                echo "$h: reproducer ${repro#"$here"/} FAILS (innermost frame in ${module:-?})"
                grep -E 'ERROR|SUMMARY' "$log" | head -n 3 >&2 || true
                failed=1
            fi
        done < <(find "$here/regressions/$h" -type f ! -name '*.md' | sort)
    fi

    start=$(date +%s.%N)
    status=0
    # shellcheck disable=SC2086 # OPDIMS_FUZZ_ARGS is a list of flags
    "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        "${dict[@]}" -artifact_prefix="$work/$h/artifacts/" ${OPDIMS_FUZZ_ARGS:-} \
        "$work/$h/corpus" >"$work/$h/fuzz.log" 2>&1 || status=$?
    end=$(date +%s.%N)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$h/fuzz.log" | tail -n 1)
    execs=${execs:-0}
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
    rate=$(awk -v n="$execs" -v t="$wall" 'BEGIN { printf "%.0f", t > 0 ? n / t : 0 }')
    result=ok
    if [[ $status -ne 0 ]] || compgen -G "$work/$h/artifacts/*" >/dev/null; then
        module=$(innermost_module "$work/$h/fuzz.log")
        # An input that passes the RSS limit is reported with the stacks of the fuzzer's own live
        # allocations, which say nothing about the culprit. Under AddressSanitizer one huge
        # malloc (libhdf5 asks for up to 2^34 bytes on some corrupt files) writes an eighth of
        # its size as shadow memory, so the RSS limit can trip before libFuzzer's malloc limit
        # reports it. The input is run once more alone, with only the malloc limit armed, and
        # judged by the stack of the allocation that trips it; an input that stays within the
        # malloc limit alone still fails the run.
        oom=$(find "$work/$h/artifacts" -type f -name 'oom-*' | head -n 1)
        if [[ -n $oom ]] && grep -q 'out-of-memory (used:' "$work/$h/fuzz.log"; then
            rerun="$work/$h/oom-rerun.log"
            if "$bin" -timeout=10 -rss_limit_mb=8192 -malloc_limit_mb=2048 "$oom" >"$rerun" 2>&1 ||
                ! grep -q 'out-of-memory (malloc(' "$rerun"; then
                module="?"
            else
                module=$(innermost_module "$rerun")
            fi
        fi
        artifacts=$(find "$work/$h/artifacts" -type f -printf '%f ')
        if [[ -n ${OPDIMS_FUZZ_TOLERATE_LIBHDF5:-} && $module == libhdf5* ]]; then
            result="tolerated: inside $module (exit $status): $artifacts"
            tolerated=1
        else
            result="FAILED (exit $status, innermost frame in ${module:-?}): $artifacts"
            failed=1
        fi
    fi
    printf '%-18s %12s %9s %10s  %s\n' "$h" "$execs" "$wall" "$rate" "$result"
    if [[ $result != ok ]]; then
        grep -E -A 12 '^==[0-9]+==ERROR|runtime error|^SUMMARY|uncaught exception|ERROR: libFuzzer' \
            "$work/$h/fuzz.log" | head -n 40 >&2 || true
    fi
done
exit "$failed"
