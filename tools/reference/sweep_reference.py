#!/usr/bin/python3
"""Independent numpy implementation of docs/method.md for cross-checking `opdims sweep`.

Builds the noise-free grid batch, the PC basis (SVD of W) or the global operative column
dimensions from a local-dimension file in the authors' layout, simulates W_k for each k and prints
CSV `k,cost,state_distance` like `opdims sweep`. Compare two CSVs with --compare A.csv B.csv.

Usage:
  sweep_reference.py WEIGHTS.h5 --task ctxt|swg --basis pc|op-columns [--net 1]
                     [--local localOpDims.h5] [--ks 1-100] > ref.csv
  sweep_reference.py --compare ours.csv ref.csv
"""
import argparse
import sys

import h5py
import numpy as np

DT, TAU = 0.001, 0.01
ALPHA = DT / TAU


def load(path, net):
    g = h5py.File(path, "r")[f"NetNr{net}/final"]
    # HDF5 shapes are transposed (column-major writer): transpose every dataset.
    t = lambda name: np.array(g[name]).T
    return dict(W=t("n_Wrr_n"), W_in=t("n_Wru_v"), W_out=t("m_Wzr_n"), x0=t("n_x0_c"),
                b=t("n_bx_1").ravel(), b_z=t("m_bz_1").ravel())


def grid_batch(task):
    """Inputs u (T x V x trials), targets y (T x M x trials), x0 column per trial."""
    if task == "ctxt":
        cohs = 0.3 * np.array([-0.5, -0.12, -0.03, 0.03, 0.12, 0.5])
        trials = [(c, a, b) for c in (1, 2) for a in cohs for b in cohs]
        T, burn = 1400, 650
        u = np.zeros((T, 5, len(trials)))
        y = np.zeros((T, 1, len(trials)))
        for j, (c, c1, c2) in enumerate(trials):
            u[:, 1 + c, j] = 1.0
            u[burn:, 0, j] = c1
            u[burn:, 1, j] = c2
            target, stuck = 0.0, False
            for t in range(burn, T):
                if not stuck:
                    target += DT / 0.05 * (c1 if c == 1 else c2)
                    if abs(target) >= 1.0:
                        target, stuck = float(np.clip(target, -1, 1)), True
                y[t, 0, j] = target
        cols = np.array([c - 1 for c, _, _ in trials])
    else:
        ids = np.arange(1, 52)
        T = 500
        u = np.zeros((T, 1, len(ids)))
        y = np.zeros((T, 1, len(ids)))
        tt = np.arange(1, T + 1) * DT
        for j, fid in enumerate(ids):
            u[:, 0, j] = fid / 51.0 + 0.25
            y[:, 0, j] = np.sin(2 * np.pi * (1 + (fid - 1) * 0.1) * tt)
        cols = np.zeros(len(ids), dtype=int)
    return u, y, cols


def simulate(m, W, u, cols):
    x = m["x0"][:, cols].copy()
    r = np.tanh(x)
    xs, zs = [], []
    for t in range(u.shape[0]):
        x = (1 - ALPHA) * x + ALPHA * (W @ r + m["W_in"] @ u[t] + m["b"][:, None])
        r = np.tanh(x)
        xs.append(x)
        zs.append(m["W_out"] @ r + m["b_z"][:, None])
    return np.array(xs), np.array(zs)


def op_columns(local_path):
    f = h5py.File(local_path, "r")
    cols = []
    for name in f:
        g = f[name]
        dims = np.array(g["local_op_dims"])  # h5py view: column d is dimension d
        fv = np.array(g["all_fvals"]).ravel()
        for d in np.where(~np.isnan(fv))[0]:
            cols.append(dims[:, d] * fv[d])
    U, _, _ = np.linalg.svd(np.array(cols).T)
    return U


def parse_ks(text, n):
    if not text:
        return list(range(1, n + 1))
    out = []
    for part in text.split(","):
        if "-" in part[1:]:
            lo, hi = part.split("-")
            out += list(range(int(lo), int(hi) + 1))
        else:
            out.append(int(part))
    return out


def compare(a, b):
    A = np.loadtxt(a, delimiter=",", skiprows=1, ndmin=2)
    B = np.loadtxt(b, delimiter=",", skiprows=1, ndmin=2)
    assert np.array_equal(A[:, 0], B[:, 0]), "different ks"
    rc = np.abs(A[:, 1] - B[:, 1]) / np.abs(B[:, 1])
    rd = np.abs(A[:, 2] - B[:, 2]) / np.maximum(np.abs(B[:, 2]), 1e-300)
    i = int(np.argmax(rc))
    print(f"{len(A)} ks; max relative difference in cost {rc.max():.3g} (k={int(A[i, 0])}), "
          f"in state distance {rd[B[:, 2] > 1e-9].max():.3g}")
    return 0 if rc.max() <= 1e-6 else 1


def main():
    p = argparse.ArgumentParser()
    p.add_argument("weights", nargs="?")
    p.add_argument("--task", choices=["ctxt", "swg"])
    p.add_argument("--basis", choices=["pc", "op-columns"])
    p.add_argument("--net", type=int, default=1)
    p.add_argument("--local")
    p.add_argument("--ks")
    p.add_argument("--compare", nargs=2)
    a = p.parse_args()
    if a.compare:
        return compare(*a.compare)
    m = load(a.weights, a.net)
    W = m["W"]
    Q = np.linalg.svd(W)[0] if a.basis == "pc" else op_columns(a.local)
    u, y, cols = grid_batch(a.task)
    xr, zr = simulate(m, W, u, cols)
    print("k,cost,state_distance")
    for k in parse_ks(a.ks, W.shape[0]):
        Qk = Q[:, :k]
        xk, zk = simulate(m, Qk @ (Qk.T @ W), u, cols)
        cost = np.mean((zk - y) ** 2)
        dist = np.mean(np.linalg.norm(xk - xr, axis=1))
        print(f"{k},{cost!r},{dist!r}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
