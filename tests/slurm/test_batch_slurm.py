#!/usr/bin/env python3
"""The Slurm test of `opdims batch` (CTest label slurm).

Starts a private single-node Slurm cluster from Debian's packages (slurm_cluster.sh), submits
the plan for the authors' networks (evaluate, PC and operative-column sweeps, local column
dimensions, fixed points) as an array job with `opdims batch slurm --submit`, waits for it,
runs the same plan locally with `--jobs 2`, merges both and checks that every result is equal
bit for bit. The cluster's daemons are stopped by their PIDs at the end, whatever happened.
Exits 77 (skipped) when the authors' data or a working Slurm is not available.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))


def skip(reason):
    print("SKIP: " + reason)
    sys.exit(SKIP)


def networks(data):
    """Every /NetNr<i> network of the authors' two weight files, as plan items."""
    try:
        import h5py
    except ImportError:
        skip("python3-h5py is not installed")
    items = []
    for task, extra in (("ctxt", {}), ("swg", {"input": "0.5"})):
        path = os.path.join(data, "pretrained", task + "_weights.h5")
        if not os.path.exists(path):
            skip("the authors' data file pretrained/%s_weights.h5 is not available: set "
                 "OPDIMS_SHARED_DATA or place ../shared/data beside the project" % task)
        with h5py.File(path, "r") as f:
            nets = sorted(int(k[5:]) for k in f.keys() if k.startswith("NetNr"))
        for n in nets:
            items.append({"name": "%s-%d" % (task, n), "network": path,
                          "options": dict({"net": n}, **extra)})
    return items


def write_plan(path, results, items):
    plan = {
        "results": results,
        "pipeline": [
            {"step": "evaluate"},
            {"step": "sweep", "name": "sweep-pc", "options": {"basis": "pc", "ks": "1-100:3"}},
            {"step": "sweep", "name": "sweep-op",
             "options": {"basis": "op-columns", "ks": "1-100:3"}},
            {"step": "local", "options": {"type": "columns"}},
            {"step": "fixed-points", "options": {"starts": 200}},
        ],
        "items": items,
    }
    with open(path, "w") as f:
        json.dump(plan, f, indent=2)


def run(cmd, env=None, check=True):
    r = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if check and r.returncode != 0:
        raise SystemExit("FAIL: %s exited with %d:\n%s%s" % (" ".join(cmd), r.returncode,
                                                            r.stdout, r.stderr))
    return r


def wait_for_job(job, env, timeout):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        r = run(["squeue", "-h", "-j", job, "-o", "%T"], env=env, check=False)
        if r.returncode == 0 and not r.stdout.strip():
            return time.monotonic() - start
        if r.returncode != 0 and "Invalid job id" in r.stderr:
            return time.monotonic() - start
        time.sleep(1)
    raise SystemExit("FAIL: the array job %s did not finish within %d s" % (job, timeout))


def compare(a, b):
    """Every dataset and the result attributes of two item result files, bit for bit."""
    import h5py
    import numpy as np
    skip_attrs = {"seconds", "command", "host", "started"}
    with h5py.File(a, "r") as fa, h5py.File(b, "r") as fb:
        if fa.attrs["status"] != fb.attrs["status"]:
            return "status differs"
        if sorted(fa["steps"].keys()) != sorted(fb["steps"].keys()):
            return "steps differ"
        for s in fa["steps"]:
            ga, gb = fa["steps"][s], fb["steps"][s]
            for k, v in ga.attrs.items():
                if k in skip_attrs:
                    continue
                w = gb.attrs[k]
                if isinstance(v, (float, np.floating)):
                    if np.array(v).tobytes() != np.array(w).tobytes():
                        return "%s attribute %s: %r vs %r" % (s, k, v, w)
                elif v != w:
                    return "%s attribute %s: %r vs %r" % (s, k, v, w)
            if sorted(ga.keys()) != sorted(gb.keys()):
                return "%s: datasets differ" % s
            for d in ga:
                x, y = ga[d][()], gb[d][()]
                if x.shape != y.shape or x.tobytes() != y.tobytes():
                    return "%s/%s differs" % (s, d)
    return ""


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--opdims", required=True)
    p.add_argument("--data", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--timeout", type=int, default=900)
    a = p.parse_args()

    items = networks(a.data)
    if shutil.which("sbatch") is None and not os.path.exists("/usr/bin/sbatch"):
        skip("Slurm is not installed (Debian packages slurmctld slurmd slurm-client munge)")
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    cluster = os.path.join(a.work, "cluster")
    script = os.path.join(HERE, "slurm_cluster.sh")
    t0 = time.monotonic()
    r = subprocess.run(["bash", script, "start", cluster], capture_output=True, text=True)
    if r.returncode == SKIP:
        skip("Slurm cannot start here: " + (r.stderr.strip().splitlines() or ["?"])[-1])
    if r.returncode != 0:
        raise SystemExit("FAIL: slurm_cluster.sh start exited with %d:\n%s" % (r.returncode,
                                                                               r.stderr))
    try:
        env = dict(os.environ)
        for line in r.stdout.splitlines():
            if line.startswith("SLURM_CONF="):
                env["SLURM_CONF"] = line.split("=", 1)[1]
        print("cluster up in %.1f s (%s)" % (time.monotonic() - t0, env.get("SLURM_CONF")))

        slurm_plan = os.path.join(a.work, "plan-slurm.json")
        local_plan = os.path.join(a.work, "plan-local.json")
        write_plan(slurm_plan, "slurm-results", items)
        write_plan(local_plan, "local-results", items)

        t1 = time.monotonic()
        sub = run([a.opdims, "batch", "slurm", slurm_plan, "--submit", "--cpus", "1",
                   "--time", "00:30:00"], env=env)
        print(sub.stdout.strip())
        job = sub.stdout.strip().split()[-1]
        waited = wait_for_job(job, env, a.timeout)
        print("array job %s with %d tasks finished in %.1f s" % (job, len(items), waited))

        t2 = time.monotonic()
        loc = run([a.opdims, "batch", local_plan, "--jobs", "2"], check=False)
        print(loc.stdout.strip().splitlines()[-1])
        if loc.returncode != 0:
            raise SystemExit("FAIL: the local run failed:\n" + loc.stdout + loc.stderr)
        print("local --jobs 2 run in %.1f s" % (time.monotonic() - t2))

        for plan in (slurm_plan, local_plan):
            m = run([a.opdims, "batch", "merge", plan])
            print(m.stdout.strip())
            if "%d done, 0 failed, 0 missing" % len(items) not in m.stdout:
                logs = os.path.join(a.work, "slurm-results", "slurm-logs")
                detail = ""
                if os.path.isdir(logs):
                    for name in sorted(os.listdir(logs)):
                        with open(os.path.join(logs, name)) as f:
                            detail += "--- %s\n%s" % (name, f.read())
                raise SystemExit("FAIL: not every item is done:\n" + m.stdout + detail)

        # The merged tables agree except for the timings; every result file bit for bit.
        def table(path):
            with open(path) as f:
                rows = [line.rstrip("\n").split(",") for line in f]
            keep = [i for i, h in enumerate(rows[0]) if not h.endswith("seconds")]
            return [[r[i] for i in keep] for r in rows]

        if table(os.path.join(a.work, "slurm-results", "summary.csv")) != \
                table(os.path.join(a.work, "local-results", "summary.csv")):
            raise SystemExit("FAIL: the merged tables differ")
        for it in items:
            why = compare(os.path.join(a.work, "slurm-results", it["name"] + ".h5"),
                          os.path.join(a.work, "local-results", it["name"] + ".h5"))
            if why:
                raise SystemExit("FAIL: %s: %s" % (it["name"], why))
        print("PASS: %d networks through Slurm equal the local run bit for bit (%.1f s in all)"
              % (len(items), time.monotonic() - t0))
    finally:
        subprocess.run(["bash", script, "stop", cluster], capture_output=True, text=True)


if __name__ == "__main__":
    main()
