"""scripts/opdims_from_torch.py: PyTorch networks exported to opdims give PyTorch's own loss.

Run by ctest (test python_torch, label python) with Debian's /usr/bin/python3 and python3-torch,
OPDIMS_CLI at the `opdims` executable and OPDIMS_SOURCE_DIR at the project. For a torch.nn.RNN with
a Linear readout and for the script's LeakyRNN, made in float64 with random weights, the cost
`opdims evaluate NET --trials TRIALS --json` reports must equal torch.nn.functional.mse_loss of the
readout (or, with a mask, sum(mask * e^2) / sum(mask)) to a relative difference of 1e-9
(|cost - loss| <= 1e-9 * loss; measured differences are a few 1e-16). Models that are not opdims'
model are refused with one sentence. Skipped only when torch cannot be imported.
"""
import json
import os
import re
import subprocess
import sys

import numpy as np
import pytest

try:
    import torch
except ImportError:
    pytest.skip("PyTorch is not importable by this Python (Debian: apt-get install python3-torch)",
                allow_module_level=True)

SOURCE = os.environ.get("OPDIMS_SOURCE_DIR",
                        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CLI = os.environ.get("OPDIMS_CLI") or os.path.join(SOURCE, "build", "app", "opdims")
SCRIPT = os.path.join(SOURCE, "scripts", "opdims_from_torch.py")
sys.path.insert(0, os.path.join(SOURCE, "scripts"))
import opdims_from_torch as oft  # noqa: E402

RELATIVE_TOLERANCE = 1e-9
UNITS, INPUTS, OUTPUTS, STEPS, TRIALS = 12, 3, 2, 40, 6
CONDITIONS = ["left", "right", "catch"] * 2  # 3 condition labels over the 6 trials


@pytest.fixture(autouse=True)
def float64():
    """Every test builds its network in float64 from a fixed seed."""
    previous = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    torch.manual_seed(12)
    yield
    torch.set_default_dtype(previous)


def opdims_cost(net, trials):
    r = subprocess.run([CLI, "evaluate", str(net), "--trials", str(trials), "--json"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)["cost"]


def assert_same_cost(net, trials, loss, what):
    cost = opdims_cost(net, trials)
    print(f"{what}: torch {loss!r} opdims {cost!r} difference {cost - loss:.3g} "
          f"(relative {(cost - loss) / loss:.3g})")
    assert abs(cost - loss) <= RELATIVE_TOLERANCE * abs(loss), (cost, loss)


def masked_mse(z, targets, mask):
    return (mask * (z - targets) ** 2).sum() / mask.sum()


def one_sentence(message):
    """One line, one sentence: ends with a full stop and has no other sentence end inside."""
    return "\n" not in message and message.endswith(".") and not re.search(r"[.!?] [A-Z]",
                                                                          message)


def torch_rnn(batch_first=True, bias=True):
    rnn = torch.nn.RNN(INPUTS, UNITS, batch_first=batch_first, bias=bias)
    readout = torch.nn.Linear(UNITS, OUTPUTS, bias=bias)
    with torch.no_grad():
        rnn.weight_hh_l0.mul_(4.0)  # strong recurrence, so that the dynamics matter
    return rnn, readout


def trial_data():
    """Inputs, and targets near a smooth signal (the cost is small, so any shift would show)."""
    u = torch.randn(TRIALS, STEPS, INPUTS)
    t = torch.arange(1, STEPS + 1) / STEPS
    y = torch.stack([torch.sin(2 * np.pi * t), torch.cos(np.pi * t)], dim=-1)
    return u, 0.3 * y.expand(TRIALS, STEPS, OUTPUTS) + 0.05 * torch.randn(TRIALS, STEPS, OUTPUTS)


def random_leaky():
    net = oft.LeakyRNN(INPUTS, UNITS, OUTPUTS, initial_states=2, dt=0.001, tau=0.004,
                       gain=2.0)
    with torch.no_grad():  # every parameter non-zero
        net.b.normal_(0, 0.3)
        net.b_z.normal_(0, 0.3)
        net.x0.normal_(0, 0.5)
    return net


def test_torch_rnn_gives_torch_loss(tmp_path):
    rnn, readout = torch_rnn()
    u, y = trial_data()
    with torch.no_grad():
        h, _ = rnn(u)
        loss = torch.nn.functional.mse_loss(readout(h), y).item()
    oft.export_model(rnn, readout, tmp_path / "net.npz")
    oft.export_trials(tmp_path / "trials.npz", u, y, CONDITIONS)
    assert_same_cost(tmp_path / "net.npz", tmp_path / "trials.npz", loss, "nn.RNN")


def test_torch_rnn_time_major_bias_free_with_h0(tmp_path):
    """batch_first=False, no biases, two initial hidden states h0 picked per trial."""
    rnn, readout = torch_rnn(batch_first=False, bias=False)
    u, y = trial_data()
    h0 = 0.9 * (2 * torch.rand(2, UNITS) - 1)   # two initial states, |h0| < 1
    start = torch.tensor([0, 1, 1, 0, 1, 0])    # the initial state of each trial
    u_tm, y_tm = u.transpose(0, 1), y.transpose(0, 1)  # steps x trials x features
    with torch.no_grad():
        h, _ = rnn(u_tm, h0[start].unsqueeze(0))
        loss = torch.nn.functional.mse_loss(readout(h), y_tm).item()
    oft.export_model(rnn, readout, tmp_path / "net.npz", h0=h0)
    oft.export_trials(tmp_path / "trials.npz", u_tm, y_tm, CONDITIONS, initial_state=start,
                      batch_first=False)
    with np.load(tmp_path / "net.npz") as f:
        assert f["x0"].shape == (UNITS, 2) and not f["b"].any() and not f["b_z"].any()
    assert_same_cost(tmp_path / "net.npz", tmp_path / "trials.npz", loss, "nn.RNN h0")


def test_leaky_rnn_gives_torch_loss(tmp_path):
    net = random_leaky()
    u, y = trial_data()
    start = torch.tensor([1, 0, 1, 1, 0, 0])
    with torch.no_grad():
        loss = torch.nn.functional.mse_loss(net(u, initial_state=start), y).item()
    oft.export_model(net, None, tmp_path / "net.npz")
    oft.export_trials(tmp_path / "trials.npz", u, y, CONDITIONS, initial_state=start, dt=0.001)
    with np.load(tmp_path / "net.npz") as f:
        assert (float(f["dt"]), float(f["tau"]), float(f["noise_sigma"])) == (0.001, 0.004, 0.1)
    assert_same_cost(tmp_path / "net.npz", tmp_path / "trials.npz", loss, "LeakyRNN")


@pytest.mark.parametrize("kind", ["nn.RNN", "LeakyRNN"])
def test_time_alignment(tmp_path, kind):
    """Torch's own outputs as targets cost (almost) nothing; shifted by one step they do not."""
    u, _ = trial_data()
    with torch.no_grad():
        if kind == "nn.RNN":
            rnn, readout = torch_rnn()
            z = readout(rnn(u)[0])
        else:
            rnn, readout = random_leaky(), None
            z = rnn(u)
    oft.export_model(rnn, readout, tmp_path / "net.npz")
    oft.export_trials(tmp_path / "same.npz", u, z, CONDITIONS)
    assert opdims_cost(tmp_path / "net.npz", tmp_path / "same.npz") < 1e-28
    late = torch.cat([z[:, :1], z[:, :-1]], dim=1)   # targets[t] = z at step t - 1
    oft.export_trials(tmp_path / "late.npz", u, late, CONDITIONS)
    assert opdims_cost(tmp_path / "net.npz", tmp_path / "late.npz") > 1e-4


@pytest.mark.parametrize("kind", ["nn.RNN", "LeakyRNN"])
def test_masked_cost(tmp_path, kind):
    u, y = trial_data()
    mask = (torch.rand(TRIALS, STEPS, OUTPUTS) < 0.4).double()
    with torch.no_grad():
        if kind == "nn.RNN":
            rnn, readout = torch_rnn()
            z = readout(rnn(u)[0])
        else:
            rnn, readout = random_leaky(), None
            z = rnn(u)
        loss = masked_mse(z, y, mask).item()
    oft.export_model(rnn, readout, tmp_path / "net.npz")
    oft.export_trials(tmp_path / "trials.npz", u, y, CONDITIONS, mask=mask.bool())
    assert_same_cost(tmp_path / "net.npz", tmp_path / "trials.npz", loss, f"{kind} masked")


def test_trial_set_with_every_optional_array_is_read(tmp_path):
    u, y = trial_data()
    oft.export_trials(tmp_path / "t.npz", u, y, [1, 2, 3, 1, 2, 3], mask=torch.ones_like(y),
                      initial_state=[0] * TRIALS, phase_names=["cue", "response"],
                      phase_starts=[0, 20], input_noise=0.1, network_noise=0.05, dt=0.001,
                      sampling_conditions=["1", "3"], sampling_times=[1, 20, 40])
    r = subprocess.run([CLI, "trials", "--check", str(tmp_path / "t.npz")], capture_output=True,
                       text=True)
    assert r.returncode == 0, r.stderr
    assert "6 trials x 40 steps" in r.stdout and "response" in r.stdout


@pytest.mark.parametrize("make", [
    lambda: (torch.nn.LSTM(INPUTS, UNITS), torch.nn.Linear(UNITS, OUTPUTS)),
    lambda: (torch.nn.GRU(INPUTS, UNITS), torch.nn.Linear(UNITS, OUTPUTS)),
    lambda: (torch.nn.RNN(INPUTS, UNITS, num_layers=2), torch.nn.Linear(UNITS, OUTPUTS)),
    lambda: (torch.nn.RNN(INPUTS, UNITS, bidirectional=True), torch.nn.Linear(UNITS, OUTPUTS)),
    lambda: (torch.nn.RNN(INPUTS, UNITS, nonlinearity="relu"), torch.nn.Linear(UNITS, OUTPUTS)),
    lambda: (torch.nn.RNN(INPUTS, UNITS),
             torch.nn.Sequential(torch.nn.Linear(UNITS, OUTPUTS), torch.nn.Tanh())),
    lambda: (torch.nn.RNN(INPUTS, UNITS), None),
], ids=["LSTM", "GRU", "2 layers", "bidirectional", "relu", "Sequential readout", "no readout"])
def test_refused_with_one_sentence(tmp_path, make):
    rnn, readout = make()
    with pytest.raises(oft.ExportError) as e:
        oft.export_model(rnn, readout, tmp_path / "net.npz")
    assert one_sentence(str(e.value)), str(e.value)
    assert not os.listdir(tmp_path)  # nothing written, no temporary left


def test_h0_out_of_tanh_range_refused(tmp_path):
    rnn, readout = torch_rnn()
    h0 = torch.zeros(UNITS)
    h0[3] = 1.0
    with pytest.raises(oft.ExportError, match="atanh") as e:
        oft.export_model(rnn, readout, tmp_path / "net.npz", h0=h0)
    assert one_sentence(str(e.value))


def test_unwritable_target_names_it(tmp_path):
    rnn, readout = torch_rnn()
    target = tmp_path / "missing" / "net.npz"
    with pytest.raises(OSError, match=re.escape(str(target))):
        oft.export_model(rnn, readout, target)


def run_script(*args):
    return subprocess.run([sys.executable, SCRIPT, *map(str, args)], capture_output=True,
                          text=True)


@pytest.mark.parametrize("saved", ["rnn and readout", "LeakyRNN", "LeakyRNN state_dict"])
def test_command_line_export(tmp_path, saved):
    u, y = trial_data()
    with torch.no_grad():
        if saved == "rnn and readout":
            rnn, readout = torch_rnn()
            loss = torch.nn.functional.mse_loss(readout(rnn(u)[0]), y).item()
            torch.save({"rnn": rnn, "readout": readout}, tmp_path / "model.pt")
        else:
            net = random_leaky()
            loss = torch.nn.functional.mse_loss(net(u), y).item()
            torch.save(net if saved == "LeakyRNN" else net.state_dict(), tmp_path / "model.pt")
    torch.save({"inputs": u, "targets": y, "conditions": CONDITIONS}, tmp_path / "trials.pt")
    r = run_script(tmp_path / "model.pt", "--out", tmp_path / "net.npz", "--trials",
                   tmp_path / "trials.pt", "--trials-out", tmp_path / "trials.npz")
    assert r.returncode == 0, r.stderr
    assert_same_cost(tmp_path / "net.npz", tmp_path / "trials.npz", loss, f"CLI {saved}")


@pytest.mark.parametrize("module", ["LSTM", "GRU", "RNN2"])
def test_command_line_refuses_with_one_sentence(tmp_path, module):
    rnn = {"LSTM": lambda: torch.nn.LSTM(INPUTS, UNITS),
           "GRU": lambda: torch.nn.GRU(INPUTS, UNITS),
           "RNN2": lambda: torch.nn.RNN(INPUTS, UNITS, num_layers=2)}[module]()
    torch.save({"rnn": rnn, "readout": torch.nn.Linear(UNITS, OUTPUTS)}, tmp_path / "model.pt")
    r = run_script(tmp_path / "model.pt", "--out", tmp_path / "net.npz")
    assert r.returncode == 1 and r.stdout == ""
    message = r.stderr.strip()
    assert message.startswith("opdims_from_torch: ") and "Traceback" not in message
    assert one_sentence(message), message
    assert not (tmp_path / "net.npz").exists()
