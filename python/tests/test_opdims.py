"""The opdims Python module against the CLI, bit for bit, and as a Python user meets it.

Run by ctest (label python) with PYTHONPATH at the built package, OPDIMS_CLI at the `opdims`
executable and OPDIMS_SOURCE_DIR at the project (its own networks in resources/networks).
"""
import csv
import io
import json
import os
import signal
import subprocess
import threading
import time

import numpy as np
import pytest

import opdims

CLI = os.environ.get("OPDIMS_CLI", "")
SOURCE = os.environ.get("OPDIMS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
CTXT = os.path.join(SOURCE, "resources", "networks", "ctxt_default.h5")
SWG = os.path.join(SOURCE, "resources", "networks", "swg_default.h5")

needs_cli = pytest.mark.skipif(not CLI, reason="OPDIMS_CLI is not set (run through ctest)")


def cli(*args):
    r = subprocess.run([CLI, *map(str, args)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return r.stdout


def same_bits(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and a.tobytes() == b.tobytes()


@needs_cli
@pytest.mark.parametrize("path", [CTXT, SWG])
def test_evaluate_equals_cli(path):
    net = opdims.load(path)
    r = opdims.evaluate(net)
    assert r["cost"] == json.loads(cli("evaluate", path, "--json"))["cost"]
    rr = opdims.evaluate(net, batch="random", trials=3, seed=7)
    out = json.loads(cli("evaluate", path, "--batch", "random", "--trials", 3, "--seed", 7,
                         "--json"))
    assert rr["cost"] == out["cost"] and rr["trials"] == out["trials"]


@needs_cli
@pytest.mark.parametrize("basis,ks", [("pc", "1-100:7"), ("op-columns", "1-12")])
def test_sweep_equals_cli(basis, ks):
    net = opdims.load(SWG)
    s = opdims.sweep(net, basis=basis, ks=ks, progress=False)
    rows = list(csv.DictReader(io.StringIO(cli("sweep", SWG, "--basis", basis, "--ks", ks))))
    assert [int(r["k"]) for r in rows] == list(s["k"])
    assert same_bits([float(r["cost"]) for r in rows], s["cost"])
    assert same_bits([float(r["state_distance"]) for r in rows], s["state_distance"])
    assert s["cost"].shape == s["state_distance"].shape == s["k"].shape == (len(rows),)


@needs_cli
def test_local_dims_equal_cli(tmp_path):
    h5py = pytest.importorskip("h5py")
    net = opdims.load(CTXT)
    local = opdims.local_dims(net, type="columns", progress=False)
    out = tmp_path / "local.h5"
    cli("local", CTXT, "--type", "columns", "--out", out)
    with h5py.File(out, "r") as f:
        assert len(f.keys()) == len(local["locations"])
        for loc in local["locations"]:
            sign = lambda s: "1" if s > 0 else "-1"
            name = "opt_dims_t%dCtxt%dInps%s_%s" % (loc["t"], loc["context"],
                                                    sign(loc["sign_coh1"]),
                                                    sign(loc["sign_coh2"]))
            g = f[name] if name in f else None
            if g is None:  # the label format is the file's business: find the group by t and x
                g = next(f[k] for k in f if same_bits(f[k]["sampling_loc"][:, 0], loc["x"]))
            d = loc["Q"].shape[1]
            assert loc["Q"].shape == (net.units, d)
            assert same_bits(g["local_op_dims"][:, :d], loc["Q"])
            assert same_bits(-g["all_fvals"][0, :d], loc["delta_f"])


@needs_cli
def test_fixed_points_equal_cli(tmp_path):
    h5py = pytest.importorskip("h5py")
    net = opdims.load(CTXT)
    fp = opdims.fixed_points(net, context=2, starts=60, progress=False)
    out = tmp_path / "fp.h5"
    cli("fixed-points", CTXT, "--context", 2, "--starts", 60, "--out", out)
    with h5py.File(out, "r") as f:
        assert same_bits(f["points/x"][()], fp["x"])
        assert same_bits(f["points/q"][()].ravel(), fp["q"])
        assert same_bits(f["points/eigenvalues_real"][()], fp["eigenvalues"].real)
    P = fp["x"].shape[0]
    assert fp["eigenvalues"].shape == (P, net.units) and fp["eigenvalues"].dtype == complex
    assert len(fp["kind"]) == len(fp["stability"]) == len(fp["eigenvectors"]) == P


@needs_cli
def test_training_equals_cli(tmp_path):
    net, log = opdims.train(task="swg", units=12, seed=4, iterations=6, batch_size=8,
                            progress=False)
    out, csvlog = tmp_path / "t.h5", tmp_path / "t.csv"
    cli("train", "--task", "swg", "--units", 12, "--seed", 4, "--iterations", 6,
        "--batch-size", 8, "--out", out, "--log", csvlog)
    other = opdims.load(out)
    for name in ("W", "W_in", "W_out", "b", "b_z", "x0"):
        assert same_bits(getattr(net, name), getattr(other, name)), name
    rows = list(csv.DictReader(open(csvlog)))
    assert same_bits([float(r["loss"]) for r in rows], log["loss"])
    assert log["loss"].shape == (6,)
    # Continuing from a network object: the same as --from FILE.
    more, _ = opdims.train(start=net, iterations=3, batch_size=8, progress=False)
    cli("train", "--from", out, "--iterations", 3, "--batch-size", 8, "--out", tmp_path / "m.h5")
    assert same_bits(more.W, opdims.load(tmp_path / "m.h5").W)


def test_shapes_and_views(tmp_path):
    net = opdims.load(CTXT)
    N = net.units
    assert net.W.shape == (N, N) and net.W_in.shape == (N, 5) and net.W_out.shape == (1, N)
    assert net.b.shape == (N,) and net.x0.shape[0] == N
    view = net.W
    view[0, 0] += 1.0  # a view of the network's own matrix
    assert net.W[0, 0] == view[0, 0]
    b = opdims.batch("ctxt")
    assert b["inputs"].shape == (72, 1400, 5) and b["targets"].shape == (72, 1400, 1)
    sim = opdims.simulate(opdims.load(SWG), progress=False)
    assert sim["outputs"].shape == (51, 500, 1) and sim["states"].shape == (51, 500, 100)
    pc = opdims.pc_dims(net.W)
    assert pc["Q"].shape == (N, N) and abs(pc["variance_explained"].sum() - 1) < 1e-12
    Wk = opdims.reduced_weights(net.W, pc["Q"], 10)
    assert Wk.shape == (N, N) and np.linalg.matrix_rank(Wk) == 10
    a = opdims.angles(pc["Q"][:, :3], pc["Q"][:, 1:4])
    assert a.shape == (3,) and a[0] < 1e-6 and abs(a[2] - 90) < 1e-6
    g = opdims.global_dims(net, type="columns", progress=False)
    assert g["Q"].shape == (N, N) and g["singular_values"].shape == (N,)
    opdims.save(net, tmp_path / "n.h5")
    assert same_bits(opdims.load(tmp_path / "n.h5").W, net.W)
    own = opdims.Network(np.zeros((4, 4)), np.ones((4, 1)), np.ones((1, 4)), np.zeros(4),
                         np.zeros(1), np.zeros((4, 1)))
    assert own.task == "swg" and own.units == 4


def test_bad_input_raises_the_documented_exception(tmp_path):
    with pytest.raises(OSError, match="no-such.h5"):
        opdims.load(tmp_path / "no-such.h5")
    (tmp_path / "text.h5").write_text("not a network")
    with pytest.raises(ValueError, match="text.h5"):
        opdims.load(tmp_path / "text.h5")
    net = opdims.load(SWG)
    with pytest.raises(ValueError, match="--ks"):
        opdims.sweep(net, ks="many", progress=False)
    with pytest.raises(ValueError, match="--trials"):
        opdims.evaluate(net, trials=5)  # the grid batch is fixed
    with pytest.raises(ValueError):
        opdims.reduced_weights(net.W, opdims.pc_dims(net.W)["Q"], 101)
    with pytest.raises(ValueError, match="finite|NaN"):
        W = np.zeros((4, 4))
        W[1, 2] = np.nan
        opdims.Network(W, np.ones((4, 1)), np.ones((1, 4)), np.zeros(4), np.zeros(1),
                       np.zeros((4, 1)))
    with pytest.raises(OSError):
        opdims.save(net, tmp_path / "no" / "such" / "folder.h5")


def test_keyboard_interrupt_stops_a_sweep_promptly():
    # Promptly, relative to this machine's speed in this run (no absolute timings in tests): the
    # sweep stops after Ctrl+C within a tenth of the time the whole sweep takes (about 4 s quiet;
    # the cancel flag is checked per chunk of trials, so the delay is far shorter).
    net = opdims.load(CTXT)
    begin = time.monotonic()
    opdims.sweep(net, basis="pc", progress=False)
    whole = time.monotonic() - begin
    sent = []

    def interrupt():
        time.sleep(whole / 4)
        sent.append(time.monotonic())
        os.kill(os.getpid(), signal.SIGINT)

    t = threading.Thread(target=interrupt)
    t.start()
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        opdims.sweep(net, basis="pc", progress=False)  # 100 ranks on the grid: about 4 s
    stopped = time.monotonic()
    t.join()
    assert stopped - start < whole, "the sweep was not interrupted"
    assert stopped - sent[0] < 0.1 * whole, "stopped %.3f s after Ctrl+C (whole sweep %.3f s)" % (
        stopped - sent[0], whole)


def test_gil_is_released_during_a_sweep():
    net = opdims.load(SWG)
    ticks = [0]
    running = [True]

    def count():
        while running[0]:
            ticks[0] += 1
            time.sleep(0.001)

    t = threading.Thread(target=count)
    t.start()
    start = time.monotonic()
    opdims.sweep(net, basis="pc", ks="1-100:2", progress=False)
    seconds = time.monotonic() - start
    running[0] = False
    t.join()
    # With the GIL held the counter would not move at all during the call.
    # A loaded machine slows the counter too: a twentieth of the ideal count is far from zero.
    assert ticks[0] > max(10, 0.05 * seconds / 0.0011), (ticks[0], seconds)


def test_progress_callback_and_docstrings():
    calls = []
    opdims.sweep(opdims.load(SWG), ks="1-30", progress=lambda d, t: calls.append((d, t)))
    assert calls and calls[-1][0] == calls[-1][1]
    for f in (opdims.load, opdims.sweep, opdims.local_dims, opdims.fixed_points, opdims.train):
        assert "Parameters" in f.__doc__ and "Returns" in f.__doc__


def test_authors_example():
    data = os.environ.get("OPDIMS_SHARED_DATA", "")
    path = os.path.join(data, "pretrained", "ctxt_weights.h5")
    if not os.path.exists(path):
        pytest.skip("the authors' data is not available: set OPDIMS_SHARED_DATA")
    net = opdims.load(path, net=1)
    r = opdims.evaluate(net, task="ctxt")
    if CLI:
        assert r["cost"] == json.loads(cli("evaluate", path, "--net", 1, "--json"))["cost"]
    assert abs(r["cost"] - 0.0009980031022817429) < 1e-15
    assert opdims.networks_in(path)[:5] == [1, 2, 3, 4, 5]
