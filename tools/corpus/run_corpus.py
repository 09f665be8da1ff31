#!/usr/bin/env python3
"""Runs every applicable `opdims` invocation on every file of the bad-file corpus and judges it.

    python3 tools/corpus/run_corpus.py --opdims build/app/opdims --corpus /tmp/corpus --generate

For each run (one fresh empty folder per run, also its working directory; stdin is /dev/null):
  hang            still running after --timeout seconds (killed)
  crash           ended by a signal (SIGSEGV, SIGABRT, SIGBUS, SIGFPE, ...)
  accepted        exit 0 on a file the manifest calls bad
  rejected-valid  non-zero exit on a file the manifest calls valid
  unclear         non-zero exit whose stderr is not exactly one line naming the file
  clear           non-zero exit, stderr exactly one line naming the file
  ok              exit 0 where that is expected (or allowed)
and, independently of the outcome:
  >1GB            peak resident memory (wait4's ru_maxrss) above --mem-limit-mb (default 1024)
  leftovers       a failed run left any file in its folder, or a successful one left a temporary
                  (.*.tmp*) or a file it does not declare; or a corpus file changed / appeared
The summary counts runs per kind and outcome. The exit status is 1 when there is any crash, hang,
>1GB run, accepted bad file, rejected valid file or leftover (and, with --strict, any unclear
error), 0 otherwise; 2 for usage errors.

Fixed-point files: no CLI command reads them, so the runner compiles tools/corpus/fp_probe.cpp
(core's loadFixedPoints) against the build's libopdims_core.a when it can (--no-probe to skip).
Deterministic and bounded: runs are ordered, each is limited by --timeout, --jobs runs them in
parallel; --kinds/--filter/--commands/--shard select a subset (for ctest).
"""

import argparse
import collections
import concurrent.futures
import hashlib
import json
import os
import re
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTCOMES = ["ok", "clear", "unclear", "accepted", "rejected-valid", "crash", "hang"]
FAILING = {"accepted", "rejected-valid", "crash", "hang"}
# --quick (the sanitizer build's run) leaves out the analyses that follow a successful load of a
# model file and the simulation of evaluate: info still loads every network file, and the other
# readers (local dimensions, bases, checkpoints, fixed points) still see every file of theirs.
# About 60 % fewer runs, and the slowest ones under AddressSanitizer.
QUICK_SKIP = {"sweep", "local", "global", "fixed-points", "sweep-swg", "local-swg", "global-swg",
              "fixed-points-swg", "evaluate"}


# --------------------------------------------------------------------------------------------
# The fixed-point probe
# --------------------------------------------------------------------------------------------

def build_probe(build: Path, workdir: Path, log):
    """Compiles fp_probe.cpp like core's own sources and links it like the opdims binary."""
    cc_json = build / "compile_commands.json"
    link_txt = build / "app" / "cli" / "CMakeFiles" / "opdims.dir" / "link.txt"
    lib = build / "core" / "libopdims_core.a"
    if not (cc_json.exists() and link_txt.exists() and lib.exists()):
        log(f"fp_probe: not built (needs {cc_json}, {link_txt} and {lib})")
        return None
    entry = next((e for e in json.loads(cc_json.read_text())
                  if e["file"].endswith("core/fixed_points/io.cpp")), None)
    if entry is None:
        log("fp_probe: core/fixed_points/io.cpp is not in compile_commands.json")
        return None
    args = shlex.split(entry["command"]) if "command" in entry else list(entry["arguments"])
    out_args, skip = [], False
    for a in args:
        if skip:
            skip = False
            continue
        if a in ("-o", "-c"):
            skip = True
            continue
        if a.endswith("core/fixed_points/io.cpp"):
            continue
        out_args.append(a)
    obj = workdir / "fp_probe.o"
    exe = workdir / "fp_probe"
    compile_cmd = out_args + ["-o", str(obj), "-c", str(HERE / "fp_probe.cpp")]
    link = shlex.split(link_txt.read_text())
    link_cmd, skip = [], False
    for a in link:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        if a.endswith(".o"):
            continue
        link_cmd.append(a)
    link_cmd = link_cmd[:1] + [str(obj), "-o", str(exe)] + link_cmd[1:]
    for cmd, cwd in ((compile_cmd, entry["directory"]), (link_cmd, str(link_txt.parent.parent.parent))):
        r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
        if r.returncode != 0:
            log("fp_probe: build failed: " + " ".join(cmd) + "\n" + r.stderr[-2000:])
            return None
    return exe


# --------------------------------------------------------------------------------------------
# One run
# --------------------------------------------------------------------------------------------

class Run:
    __slots__ = ("index", "file", "kind", "valid", "command", "expect", "argv", "outputs",
                 "outcome", "signal", "exit", "seconds", "rss_kb", "stderr", "stdout",
                 "leftovers", "mem")

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw.get(k))

    def as_dict(self):
        return {k: getattr(self, k) for k in self.__slots__}


def limit_child(as_bytes):
    def fn():
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if as_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (as_bytes, as_bytes))
    return fn


def execute(run: Run, program_for, timeout, mem_limit_kb, as_bytes, keep_tmp=False):
    tmp = Path(tempfile.mkdtemp(prefix="opdims-corpus-"))
    argv = [a.replace("{TMP}", str(tmp)) for a in run.argv]
    prog = program_for(argv[0])
    argv = [str(prog)] + argv[1:] if argv[0] == "@fp_probe" else [str(prog)] + argv
    out_path, err_path = tmp.parent / (tmp.name + ".out"), tmp.parent / (tmp.name + ".err")
    start = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        p = subprocess.Popen(argv, cwd=tmp, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                             start_new_session=True, preexec_fn=limit_child(as_bytes),
                             env=dict(os.environ, LC_ALL="C"))
        timed_out = False
        deadline = start + timeout
        delay = 0.002
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid == p.pid:
                break
            if time.monotonic() > deadline:
                timed_out = True
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                pid, status, ru = os.wait4(p.pid, 0)
                break
            time.sleep(delay)
            delay = min(delay * 1.5, 0.05)
        p.returncode = 0  # reaped by wait4; keep Popen from waiting again
    run.seconds = round(time.monotonic() - start, 3)
    run.rss_kb = ru.ru_maxrss
    run.mem = run.rss_kb > mem_limit_kb
    run.stdout = out_path.read_bytes()[:2000].decode("utf-8", "replace")
    run.stderr = err_path.read_bytes()[:8000].decode("utf-8", "replace")
    out_path.unlink()
    err_path.unlink()
    if os.WIFSIGNALED(status):
        run.signal = signal.Signals(os.WTERMSIG(status)).name
        run.exit = None
    else:
        run.signal = None
        run.exit = os.WEXITSTATUS(status)
    left = sorted(str(p.relative_to(tmp)) for p in tmp.rglob("*"))
    if timed_out:
        run.outcome = "hang"
    elif run.signal:
        run.outcome = "crash"
    elif run.exit == 0:
        run.outcome = "accepted" if run.expect == "fail" else "ok"
    else:
        lines = [l for l in run.stderr.splitlines() if l.strip()]
        names = {run.file, Path(run.file).name}
        clear = len(lines) == 1 and any(n in lines[0] for n in names)
        if run.expect == "ok":
            run.outcome = "rejected-valid"
        else:
            run.outcome = "clear" if clear else "unclear"
    if not timed_out:
        if run.exit == 0:
            bad_left = [l for l in left if l not in run.outputs or re.search(r"(^|/)\..*\.tmp", l)]
        else:
            bad_left = left
        run.leftovers = bad_left
    else:
        run.leftovers = []
    if not keep_tmp:
        shutil.rmtree(tmp, ignore_errors=True)
    return run


# --------------------------------------------------------------------------------------------
# Corpus, planning, reporting
# --------------------------------------------------------------------------------------------

def snapshot(corpus: Path):
    snap = {}
    for p in sorted(corpus.iterdir()):
        if p.is_file():
            snap[p.name] = hashlib.sha1(p.read_bytes()).hexdigest()
        else:
            snap[p.name] = "dir"
    return snap


def plan(manifest, corpus: Path, args, have_probe):
    refs = {k: str(corpus / v) for k, v in manifest["references"].items()}
    runs = []
    kinds = set(args.kinds.split(",")) if args.kinds else None
    cmds = set(args.commands.split(",")) if args.commands else None
    rx = re.compile(args.filter) if args.filter else None
    skipped = collections.Counter()
    if args.quick:
        cmds = (cmds or set(manifest["commands"])) - QUICK_SKIP
    for e in manifest["files"]:
        if kinds and e["kind"] not in kinds:
            continue
        if rx and not rx.search(e["file"]):
            continue
        f = str(corpus / e["file"])
        default = {True: "ok", False: "fail", "either": "either"}[e["valid"]]
        for c in e["invocations"]:
            if cmds and c not in cmds:
                continue
            spec = manifest["commands"][c]
            if spec["args"][0] == "@fp_probe" and not have_probe:
                skipped[c] += 1
                continue
            argv = []
            for a in spec["args"]:
                a = a.replace("{F}", f)
                for k, v in refs.items():
                    a = a.replace("{" + k + "}", v)
                argv.append(a)
            runs.append(Run(file=f, kind=e["kind"], valid=e["valid"], command=c,
                            expect=e.get("expect", {}).get(c, default), argv=argv,
                            outputs=spec.get("outputs", [])))
    if args.shard:
        k, n = (int(x) for x in args.shard.split("/"))
        runs = [r for i, r in enumerate(runs) if i % n == k]
    for i, r in enumerate(runs):
        r.index = i
    return runs, skipped


def short(text, width=150):
    text = " | ".join(l.strip() for l in text.strip().splitlines() if l.strip())
    return text if len(text) <= width else text[:width - 3] + "..."


def detail(r: Run):
    if r.outcome == "hang":
        return f"timeout after {r.seconds:.0f} s"
    if r.outcome == "crash":
        tail = short(r.stderr, 100)
        return f"{r.signal}" + (f" (stderr: {tail})" if tail else "")
    if r.exit == 0:
        return "exit 0: " + (short(r.stdout, 100) or "(no output)")
    return f"exit {r.exit}: " + (short(r.stderr) or "(empty stderr)")


def report(runs, corpus, changed, skipped, args, out=sys.stdout):
    w = out.write
    kinds = sorted({r.kind for r in runs})
    cols = OUTCOMES + [">1GB", "leftovers"]
    fmt = lambda vals: " ".join("%*s" % (max(6, len(c)), v) for c, v in zip(cols, vals))
    w("\n%-13s %5s " % ("kind", "runs") + fmt(cols) + "\n")
    total = collections.Counter()
    for k in kinds:
        rs = [r for r in runs if r.kind == k]
        c = collections.Counter(r.outcome for r in rs)
        c[">1GB"] = sum(1 for r in rs if r.mem)
        c["leftovers"] = sum(1 for r in rs if r.leftovers)
        total.update(c)
        total["runs"] += len(rs)
        w("%-13s %5d " % (k, len(rs)) + fmt([c[x] for x in cols]) + "\n")
    w("%-13s %5d " % ("total", total["runs"]) + fmt([total[x] for x in cols]) + "\n")
    for c, n in skipped.items():
        w(f"(skipped {n} '{c}' runs: the fixed-point probe is not available)\n")

    def group(rs):
        """Groups runs of one file with the same detail: 'file [cmd1,cmd2]: detail'."""
        g = collections.OrderedDict()
        for r in rs:
            key = (Path(r.file).name, detail(r) if r.outcome != "hang" else "timeout")
            g.setdefault(key, []).append(r)
        for (f, d), lst in g.items():
            cmds = ",".join(r.command for r in lst)
            rss = max(r.rss_kb for r in lst)
            extra = f" [peak {rss / 1024:.0f} MB]" if rss > 200 * 1024 else ""
            w(f"  {f} [{cmds}]: {d}{extra}\n")

    sections = [("CRASH", lambda r: r.outcome == "crash"),
                ("HANG", lambda r: r.outcome == "hang"),
                (">1GB", lambda r: r.mem),
                ("ACCEPTED BAD FILE", lambda r: r.outcome == "accepted"),
                ("REJECTED VALID FILE", lambda r: r.outcome == "rejected-valid"),
                ("LEFTOVER FILES", lambda r: bool(r.leftovers)),
                ("UNCLEAR ERROR", lambda r: r.outcome == "unclear")]
    if args.show_clear:
        sections.append(("CLEAR ERROR", lambda r: r.outcome == "clear"))
    for title, pred in sections:
        rs = [r for r in runs if pred(r)]
        if not rs:
            continue
        w(f"\n{title} ({len(rs)} runs, {len({r.file for r in rs})} files)\n")
        if title == ">1GB":
            for r in rs:
                w(f"  {Path(r.file).name} [{r.command}]: peak {r.rss_kb / 1024:.0f} MB, "
                  f"{r.outcome}: {detail(r)}\n")
        elif title == "LEFTOVER FILES":
            for r in rs:
                w(f"  {Path(r.file).name} [{r.command}] ({r.outcome}): {', '.join(r.leftovers)}\n")
        else:
            group(rs)
    if changed:
        w("\nCORPUS CHANGED BY THE RUNS\n")
        for c in changed:
            w(f"  {c}\n")


def generator_sha1():
    return hashlib.sha1((HERE / "make_bad_files.py").read_bytes()).hexdigest()


def find_python():
    """An interpreter with h5py and numpy for the generator (this one, else Debian's)."""
    for py in (sys.executable, "/usr/bin/python3"):
        if py and subprocess.run([py, "-c", "import h5py, numpy"],
                                 capture_output=True).returncode == 0:
            return py
    return sys.executable


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 2)[2])
    ap.add_argument("--opdims", required=True, type=Path, help="the opdims binary")
    ap.add_argument("--corpus", required=True, type=Path, help="corpus folder (manifest.json)")
    ap.add_argument("--generate", action="store_true",
                    help="(re)generate the corpus first with make_bad_files.py")
    ap.add_argument("--generate-if-missing", action="store_true",
                    help="generate the corpus when it has no manifest.json or one written by "
                         "another version of make_bad_files.py")
    ap.add_argument("--python", help="interpreter for make_bad_files.py (default: one with h5py)")
    ap.add_argument("--jobs", "-j", type=int, default=2, help="parallel runs (default 2)")
    ap.add_argument("--timeout", type=float, default=60, help="seconds per run (default 60)")
    ap.add_argument("--mem-limit-mb", type=float, default=1024,
                    help="peak RSS above this counts as >1GB (default 1024)")
    ap.add_argument("--as-limit-gb", type=float, default=12,
                    help="RLIMIT_AS of each run, a safety net for the machine (default 12; 0: none)")
    ap.add_argument("--kinds", help="comma-separated kinds to run (default all)")
    ap.add_argument("--filter", help="regular expression on file names")
    ap.add_argument("--commands", help="comma-separated manifest command names")
    ap.add_argument("--quick", action="store_true",
                    help="skip evaluate/sweep/local/global/fixed-points on model files (info "
                         "still loads every file)")
    ap.add_argument("--shard", help="K/N: run every N-th run starting at K (0-based)")
    ap.add_argument("--no-probe", action="store_true", help="do not build the fixed-point probe")
    ap.add_argument("--probe", type=Path,
                    help="an fp_probe binary built by the project (ctest passes it); default: "
                         "compile tools/corpus/fp_probe.cpp against the build")
    ap.add_argument("--build-dir", type=Path,
                    help="CMake build folder for the probe (default: the binary's ../.., else "
                         "the repository's build/)")
    ap.add_argument("--strict", action="store_true", help="unclear errors fail the run too")
    ap.add_argument("--show-clear", action="store_true", help="also list the clear errors")
    ap.add_argument("--json", type=Path, help="write every run's result here")
    ap.add_argument("--quiet", "-q", action="store_true", help="no progress line")
    args = ap.parse_args()

    log = lambda s: print(s, file=sys.stderr, flush=True)
    if not args.opdims.exists() or not os.access(args.opdims, os.X_OK):
        log(f"{args.opdims}: no such executable")
        return 2
    args.opdims = args.opdims.resolve()
    args.corpus = args.corpus.resolve()
    manifest_path = args.corpus / "manifest.json"
    stale = False
    if args.generate_if_missing and manifest_path.exists():
        try:
            stale = json.loads(manifest_path.read_text()).get("generator_sha1") != generator_sha1()
        except ValueError:
            stale = True
    if args.generate or (args.generate_if_missing and (stale or not manifest_path.exists())):
        t = time.monotonic()
        python = args.python or find_python()
        r = subprocess.run([python, str(HERE / "make_bad_files.py"), str(args.corpus)])
        if r.returncode != 0:
            log("make_bad_files.py failed")
            return 2
        log(f"generated the corpus in {time.monotonic() - t:.1f} s")
    if not manifest_path.exists():
        log(f"{manifest_path}: missing (use --generate)")
        return 2
    manifest = json.loads(manifest_path.read_text())

    with tempfile.TemporaryDirectory(prefix="opdims-corpus-probe-") as probe_dir:
        probe = None
        wants_probe = any("fp-probe" in e["invocations"] for e in manifest["files"])
        if wants_probe and args.probe and not args.no_probe:
            probe = args.probe.resolve()
        elif wants_probe and not args.no_probe:
            build = args.build_dir or args.opdims.parent.parent  # build/app/opdims -> build
            if not (build / "compile_commands.json").exists():
                build = HERE.parent.parent / "build"
            probe = build_probe(build.resolve(), Path(probe_dir), log)
        runs, skipped = plan(manifest, args.corpus, args, probe is not None)
        if not runs:
            log("nothing to run")
            return 2
        program_for = lambda a0: probe if a0 == "@fp_probe" else args.opdims
        before = snapshot(args.corpus)
        mem_kb = args.mem_limit_mb * 1024
        as_bytes = int(args.as_limit_gb * 2**30) if args.as_limit_gb > 0 else 0
        t0 = time.monotonic()
        done = 0
        lock = threading.Lock()

        def one(r):
            nonlocal done
            execute(r, program_for, args.timeout, mem_kb, as_bytes)
            with lock:
                done += 1
                if not args.quiet and sys.stderr.isatty():
                    sys.stderr.write(f"\r{done}/{len(runs)} runs, {time.monotonic() - t0:.0f} s ")
                    sys.stderr.flush()
            return r

        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            list(pool.map(one, runs))
        if not args.quiet and sys.stderr.isatty():
            sys.stderr.write("\n")
        after = snapshot(args.corpus)
    changed = [f"{k}: {'new' if k not in before else 'modified'}"
               for k in after if before.get(k) != after[k]]
    changed += [f"{k}: deleted" for k in before if k not in after]
    elapsed = time.monotonic() - t0
    print(f"opdims corpus: {len(runs)} runs on {len({r.file for r in runs})} files in "
          f"{elapsed:.0f} s ({args.jobs} jobs, timeout {args.timeout:g} s)")
    report(runs, args.corpus, changed, skipped, args)
    if args.json:
        args.json.write_text(json.dumps({"elapsed": elapsed, "changed": changed,
                                         "runs": [r.as_dict() for r in runs]}, indent=1))
    failing = [r for r in runs if r.outcome in FAILING or r.mem or r.leftovers or
               (args.strict and r.outcome == "unclear")]
    status = 1 if failing or changed else 0
    print(f"\nresult: {'FAIL' if status else 'PASS'} ({len(failing)} failing runs"
          + (f", {len(changed)} corpus changes" if changed else "") + ")")
    return status


if __name__ == "__main__":
    sys.exit(main())
