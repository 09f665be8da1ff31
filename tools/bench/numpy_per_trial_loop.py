#!/usr/bin/python3
"""The issue's baseline: a one-trial-at-a-time numpy loop of docs/method.md's equations (section 1)
on the grid batch of an authors' ctxt network. Prints its time and cost so `opdims bench simulate`
can be compared against it in the same sitting. Needs Debian's python3-numpy and python3-h5py."""
import sys
import time

import h5py
import numpy as np


def load(path, net):
    g = h5py.File(path, "r")[f"NetNr{net}/final"]
    # The files were written column-major: every dataset is stored transposed.
    return {k: np.array(g[k]).T for k in g}


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/pretrained/ctxt_weights.h5"
    p = load(path, int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    W, Win, Wout = p["n_Wrr_n"], p["n_Wru_v"], p["m_Wzr_n"]
    b, bz, x0 = p["n_bx_1"][:, 0], p["m_bz_1"][:, 0], p["n_x0_c"]
    a, dt = 0.1, 0.001
    cohs = 0.3 * np.array([-0.5, -0.12, -0.03, 0.03, 0.12, 0.5])
    start = time.perf_counter()
    sse, count = 0.0, 0
    for ctx in (1, 2):
        for c1 in cohs:
            for c2 in cohs:
                x = x0[:, ctx - 1].copy()
                r = np.tanh(x)
                y = 0.0
                at_bound = False
                for t in range(1400):
                    u = np.zeros(5)
                    u[2 + ctx - 1] = 1.0
                    if t >= 650:
                        u[0], u[1] = c1, c2
                        if not at_bound:
                            y += dt / 0.05 * u[ctx - 1]
                            if abs(y) >= 1:
                                y, at_bound = float(np.clip(y, -1, 1)), True
                    x = (1 - a) * x + a * (Win @ u + W @ r + b)
                    r = np.tanh(x)
                    z = Wout @ r + bz
                    sse += float(np.sum((z - y) ** 2))
                    count += 1
    print(f"numpy one-trial-at-a-time loop: {time.perf_counter() - start:.3f} s, cost {sse / count!r}")


if __name__ == "__main__":
    main()
