#!/usr/bin/env python3
"""Networks trained in PyTorch as opdims files: a model .npz and, optionally, a trial set .npz.

opdims simulates one kind of network, the leaky rate RNN of docs/method.md section 1
(docs/pytorch.md states the mapping precisely):

    x_{t+1} = (1 - alpha) x_t + alpha (W r_t + W_in u_t + b + sigma eta_t),  alpha = dt / tau
    r_t     = tanh(x_t)
    z_{t+1} = W_out r_{t+1} + b_z                (the output is read after the update)

Two kinds of PyTorch model are exported exactly:

* ``torch.nn.RNN`` (tanh, one layer, one direction, ``batch_first`` either way) with a
  ``torch.nn.Linear`` readout. Its hidden state h_t = tanh(W_ih u_t + b_ih + W_hh h_{t-1} + b_hh)
  is the rate of the pre-activation x: with dt = tau (alpha = 1),
  x_{t+1} = W_hh tanh(x_t) + W_ih u_t + (b_ih + b_hh), so W = W_hh, W_in = W_ih, b = b_ih + b_hh,
  W_out, b_z = the readout's weight and bias, x0 = atanh(h0). PyTorch's output at index t (the
  state after consuming input t) is opdims' r_{t+1}: no time shift between the two.
* ``LeakyRNN`` defined below: the opdims model itself as a ``torch.nn.Module`` to train in
  PyTorch, with the parameters W, W_in, b, W_out, b_z, x0 in opdims' shapes, exported as they are.

LSTMs, GRUs, stacked or bidirectional RNNs, ReLU units and readouts that are not one Linear layer
are not this model; they are refused with one sentence (``ExportError``, a ``ValueError``).

Python use (the main one)::

    import opdims_from_torch as oft            # PYTHONPATH=scripts, or copy this file
    oft.export_model(rnn, readout, "net.npz")  # or oft.export_model(leaky, None, "net.npz")
    oft.export_trials("trials.npz", inputs, targets, conditions, mask=None)

Command line::

    python3 scripts/opdims_from_torch.py MODEL.pt --out NET.npz [--trials T.pt --trials-out T.npz]

MODEL.pt is a ``torch.save`` of ``{"rnn": rnn, "readout": linear}`` (optionally ``"h0"``), of a
``LeakyRNN``, of ``{"model": leaky}`` or of a ``LeakyRNN``'s ``state_dict()``. T.pt is a
``torch.save`` of a dict with the keyword arguments of ``export_trials`` (``inputs``,
``targets``, ``conditions`` and any optional ones). ``torch.load`` unpickles whole modules, which
runs code from the file: load only files you trust. Errors print one sentence and exit with 1.

Files are written with numpy (``np.savez``, uncompressed float64) atomically: to a temporary file
in the target's folder, renamed over the target only when complete.
"""

import argparse
import math
import numbers
import os
import secrets
import sys

import numpy as np

try:
    import torch
    from torch import nn
except ImportError:  # pragma: no cover - depends on the machine
    if __name__ == "__main__":
        sys.exit("opdims_from_torch: PyTorch is not installed (Debian: apt-get install "
                 "python3-torch).")
    raise

__all__ = ["ExportError", "LeakyRNN", "export_model", "export_trials", "model_arrays",
           "trial_arrays"]


class ExportError(ValueError):
    """A model or trial set that opdims cannot take; the message is one sentence."""


# ---------------------------------------------------------------------------------------------
# The opdims model as a PyTorch module
# ---------------------------------------------------------------------------------------------

class LeakyRNN(nn.Module):
    """opdims' leaky rate RNN as a ``torch.nn.Module``, to train in PyTorch and export exactly.

    Parameters (opdims' shapes and names, so ``export_model`` copies them as they are):
    ``W`` (N x N), ``W_in`` (N x V), ``b`` (N), ``W_out`` (M x N), ``b_z`` (M) and ``x0``
    (N x C, one initial state per column). ``dt``, ``tau`` and ``noise_sigma`` are plain floats,
    kept in the ``state_dict`` (as its extra state) and written to the model file.

    ``forward(u)`` runs trials of inputs ``u`` (trials x steps x V, batch first) and returns the
    outputs z (trials x steps x M) with ``z[:, t]`` = z_{t+1}, the output after the update that
    input ``u[:, t]`` drives: the layout of a trial set's ``targets``, so
    ``torch.nn.functional.mse_loss(model(u), targets)`` is the cost ``opdims evaluate`` reports.

    Initialisation (any is fine; the export copies whatever the parameters hold): W ~ N(0,
    gain^2 / N), W_in ~ N(0, 1 / V), W_out ~ N(0, 1 / N), b, b_z and x0 zero.
    """

    def __init__(self, inputs, units, outputs, initial_states=1, dt=0.001, tau=0.01,
                 noise_sigma=0.1, gain=1.0):
        super().__init__()
        if not (dt > 0 and tau > 0 and dt <= tau):
            raise ExportError(f"dt and tau must be positive with dt <= tau (got dt={dt}, "
                              f"tau={tau}).")
        self.dt, self.tau, self.noise_sigma = float(dt), float(tau), float(noise_sigma)
        self.W = nn.Parameter(torch.randn(units, units) * (gain / math.sqrt(units)))
        self.W_in = nn.Parameter(torch.randn(units, inputs) / math.sqrt(inputs))
        self.b = nn.Parameter(torch.zeros(units))
        self.W_out = nn.Parameter(torch.randn(outputs, units) / math.sqrt(units))
        self.b_z = nn.Parameter(torch.zeros(outputs))
        self.x0 = nn.Parameter(torch.zeros(units, initial_states))

    @property
    def alpha(self):
        """dt / tau, the fraction of the way to the drive that one Euler step goes."""
        return self.dt / self.tau

    # dt, tau and noise_sigma travel in the state_dict as Python floats (never cast by .float()).
    def get_extra_state(self):
        return {"dt": self.dt, "tau": self.tau, "noise_sigma": self.noise_sigma}

    def set_extra_state(self, state):
        self.dt = float(state["dt"])
        self.tau = float(state["tau"])
        self.noise_sigma = float(state["noise_sigma"])

    @classmethod
    def from_state_dict(cls, state):
        """A LeakyRNN of the sizes of ``state`` (a LeakyRNN's ``state_dict()``) holding it."""
        try:
            n, v = state["W_in"].shape
            m = state["W_out"].shape[0]
            c = state["x0"].shape[1]
        except (KeyError, AttributeError, ValueError, IndexError):
            raise ExportError("the state dict is not a LeakyRNN's (it needs W, W_in, b, W_out, "
                              "b_z and x0 in opdims' shapes).") from None
        # In the state dict's dtype: a float64 network stays float64 bit for bit.
        model = cls(v, n, m, initial_states=c).to(dtype=state["W"].dtype)
        model.load_state_dict(state)
        return model

    def forward(self, u, initial_state=None, noise=False, generator=None, return_states=False):
        """Runs trials of inputs ``u`` (trials x steps x V) from their initial states.

        ``initial_state``: per trial the column of x0 it starts from (default 0, as in a trial
        set). ``noise=True`` adds network noise ``noise_sigma * eta_t`` inside the drive, as
        opdims does (its random numbers differ from opdims'; ``generator`` seeds them).
        Returns z (trials x steps x M), and the states x_1..x_T (trials x steps x N) too with
        ``return_states=True``.
        """
        trials, steps, _ = u.shape
        if initial_state is None:
            initial_state = torch.zeros(trials, dtype=torch.long, device=u.device)
        x = self.x0.t()[torch.as_tensor(initial_state, dtype=torch.long, device=u.device)]
        r = torch.tanh(x)
        a = self.alpha
        outputs, states = [], []
        for t in range(steps):
            drive = r @ self.W.t() + u[:, t] @ self.W_in.t() + self.b
            if noise and self.noise_sigma != 0.0:
                drive = drive + self.noise_sigma * torch.randn(
                    drive.shape, generator=generator, dtype=drive.dtype, device=drive.device)
            x = (1.0 - a) * x + a * drive
            r = torch.tanh(x)
            outputs.append(r @ self.W_out.t() + self.b_z)
            if return_states:
                states.append(x)
        z = torch.stack(outputs, dim=1)
        return (z, torch.stack(states, dim=1)) if return_states else z


# ---------------------------------------------------------------------------------------------
# Models
# ---------------------------------------------------------------------------------------------

def _numpy(tensor):
    """A tensor (or array) as a float64 numpy array, off the graph and on the CPU."""
    if isinstance(tensor, torch.Tensor):
        return tensor.detach().to("cpu", torch.float64).numpy().copy()
    return np.array(tensor, dtype=np.float64)


def _is_leaky(module):
    """A LeakyRNN, also one unpickled from a script that ran this file as __main__ (another
    class object of the same name and parameters)."""
    return isinstance(module, LeakyRNN) or (
        type(module).__name__ == "LeakyRNN" and isinstance(module, nn.Module)
        and all(hasattr(module, a) for a in ("W", "W_in", "b", "W_out", "b_z", "x0", "dt", "tau",
                                             "noise_sigma")))


def _check_readout(readout, units):
    if not isinstance(readout, nn.Linear):
        raise ExportError("the readout must be one torch.nn.Linear (z = W_out r + b_z), not "
                          f"{type(readout).__name__}.")
    if readout.in_features != units:
        raise ExportError(f"the readout takes {readout.in_features} inputs, the RNN has "
                          f"{units} units.")


def _refuse_module(rnn):
    """Refuses, with one sentence, every recurrent module that is not opdims' model."""
    if isinstance(rnn, nn.LSTM) or isinstance(rnn, nn.LSTMCell):
        raise ExportError("opdims cannot take an LSTM: its gated cells are not the leaky rate "
                          "RNN x_{t+1} = (1 - alpha) x_t + alpha (W tanh(x_t) + W_in u_t + b) "
                          "that opdims simulates.")
    if isinstance(rnn, nn.GRU) or isinstance(rnn, nn.GRUCell):
        raise ExportError("opdims cannot take a GRU: its gated units are not the leaky rate "
                          "RNN x_{t+1} = (1 - alpha) x_t + alpha (W tanh(x_t) + W_in u_t + b) "
                          "that opdims simulates.")
    if not isinstance(rnn, nn.RNN):
        raise ExportError("opdims can export a torch.nn.RNN with a torch.nn.Linear readout or a "
                          f"LeakyRNN of this script, not a {type(rnn).__name__}.")
    if rnn.num_layers != 1:
        raise ExportError(f"opdims cannot take a torch.nn.RNN with num_layers={rnn.num_layers}: "
                          "it simulates a single recurrent layer.")
    if rnn.bidirectional:
        raise ExportError("opdims cannot take a bidirectional torch.nn.RNN: it simulates a "
                          "network forward in time only.")
    if rnn.nonlinearity != "tanh":
        raise ExportError(f"opdims cannot take a torch.nn.RNN with nonlinearity="
                          f"'{rnn.nonlinearity}': its units are r = tanh(x).")


def _initial_states(h0, units):
    """x0 (N x C) = atanh(h0) for h0 of shape (N), (C, N) or PyTorch's (1, C, N); zeros if None."""
    if h0 is None:
        return np.zeros((units, 1))
    h = _numpy(h0)
    if h.ndim == 3 and h.shape[0] == 1:
        h = h[0]
    if h.ndim == 1:
        h = h[None, :]
    if h.ndim != 2 or h.shape[1] != units:
        raise ExportError(f"h0 has shape {tuple(_numpy(h0).shape)}, expected ({units},), "
                          f"(C, {units}) or (1, C, {units}) for an RNN of {units} units.")
    if not np.all(np.isfinite(h)):
        raise ExportError("h0 holds a value that is not finite (NaN or infinite).")
    if np.any(np.abs(h) >= 1.0):
        c, i = np.unravel_index(np.argmax(np.abs(h)), h.shape)
        raise ExportError(f"h0 holds {h[c, i]!r} (state {c}, unit {i}), which tanh never "
                          "reaches, so there is no initial state x0 = atanh(h0).")
    return np.arctanh(h).T.copy()  # one column per initial state


def model_arrays(rnn, readout=None, h0=None, dt=1.0):
    """The arrays of the opdims model file of ``rnn`` (a dict of numpy arrays and floats).

    ``rnn`` is a ``LeakyRNN`` (``readout`` and ``h0`` must be None: the module has W_out, b_z
    and x0) or a ``torch.nn.RNN`` with ``readout`` a ``torch.nn.Linear``; ``h0`` is its initial
    hidden state, of shape (N), (C, N) or PyTorch's (1, C, N) for C initial states (default
    zeros), and ``dt`` is written as both dt and tau (alpha = 1; any positive value gives the
    same network; a LeakyRNN keeps its own dt and tau). Raises ExportError (one sentence) for
    anything else.
    """
    if _is_leaky(rnn):
        if readout is not None or h0 is not None:
            raise ExportError("a LeakyRNN has its own readout (W_out, b_z) and initial states "
                              "(x0): pass readout=None and h0=None.")
        return {"W": _numpy(rnn.W), "W_in": _numpy(rnn.W_in), "W_out": _numpy(rnn.W_out),
                "b": _numpy(rnn.b), "b_z": _numpy(rnn.b_z), "x0": _numpy(rnn.x0),
                "dt": np.float64(rnn.dt), "tau": np.float64(rnn.tau),
                "noise_sigma": np.float64(rnn.noise_sigma)}
    _refuse_module(rnn)
    units = rnn.hidden_size
    if readout is None:
        raise ExportError("a torch.nn.RNN needs its readout, a torch.nn.Linear, for opdims' "
                          "outputs z = W_out r + b_z.")
    _check_readout(readout, units)
    if not (dt > 0 and math.isfinite(dt)):
        raise ExportError(f"dt must be a positive number, not {dt!r}.")
    b = np.zeros(units)
    if rnn.bias:  # bias=False: no bias arrays, b = 0
        b = _numpy(rnn.bias_ih_l0) + _numpy(rnn.bias_hh_l0)
    b_z = _numpy(readout.bias) if readout.bias is not None else np.zeros(readout.out_features)
    return {"W": _numpy(rnn.weight_hh_l0), "W_in": _numpy(rnn.weight_ih_l0),
            "W_out": _numpy(readout.weight), "b": b, "b_z": b_z,
            "x0": _initial_states(h0, units),
            # dt = tau: x_{t+1} = (1 - 1) x_t + 1 * drive, PyTorch's update. No network noise.
            "dt": np.float64(dt), "tau": np.float64(dt), "noise_sigma": np.float64(0.0)}


def export_model(rnn, readout, path, h0=None, dt=1.0):
    """Writes ``rnn`` (with ``readout``) as an opdims model ``.npz`` at ``path``; see
    ``model_arrays`` for what is taken and refused. Returns ``path``."""
    _save_npz(path, model_arrays(rnn, readout, h0=h0, dt=dt))
    return path


# ---------------------------------------------------------------------------------------------
# Trial sets
# ---------------------------------------------------------------------------------------------

def _labels(name, values, count=None):
    """Text labels (numpy unicode) from strings, bytes or whole numbers."""
    if isinstance(values, torch.Tensor):
        values = values.detach().cpu().tolist()
    out = []
    for v in np.asarray(values, dtype=object).ravel().tolist():
        if isinstance(v, bytes):
            v = v.decode("utf-8")
        elif isinstance(v, numbers.Integral):
            v = str(int(v))
        elif isinstance(v, numbers.Real) and float(v).is_integer():
            v = str(int(v))
        elif not isinstance(v, str):
            raise ExportError(f"{name} must be text or whole numbers, not {v!r}.")
        if not v or len(v.encode("utf-8")) > 200:
            raise ExportError(f"{name} holds the label {v!r}; labels are 1 to 200 bytes.")
        out.append(v)
    if count is not None and len(out) != count:
        raise ExportError(f"{name} has {len(out)} labels, expected {count}, one per trial.")
    return np.array(out, dtype=str)


def _series(name, value, batch_first, trials=None, steps=None):
    """A trials x steps x K float64 array (from steps x trials x K when not batch_first)."""
    a = _numpy(value)
    if a.ndim != 3:
        raise ExportError(f"{name} has shape {a.shape}, expected 3 dimensions (trials x steps x "
                          "features, or steps x trials x features with batch_first=False).")
    if not batch_first:
        a = a.transpose(1, 0, 2)
    a = np.ascontiguousarray(a)
    if trials is not None and a.shape[:2] != (trials, steps):
        raise ExportError(f"{name} has {a.shape[0]} trials x {a.shape[1]} steps, the inputs "
                          f"{trials} x {steps}.")
    if not np.all(np.isfinite(a)):
        raise ExportError(f"{name} holds a value that is not finite (NaN or infinite).")
    return a


def trial_arrays(inputs, targets, conditions, mask=None, initial_state=None, batch_first=True,
                 phase_names=None, phase_starts=None, input_noise=None, network_noise=None,
                 dt=None, sampling_conditions=None, sampling_times=None):
    """The arrays of a trial set (docs/file-format.md, "Trial sets"), as a dict of numpy arrays.

    ``inputs`` (trials x steps x V) and ``targets`` (trials x steps x M) are tensors or arrays,
    with ``inputs[j, t]`` the input that drives step t and ``targets[j, t]`` the target of the
    output after it: PyTorch's ``rnn(inputs)`` output at index t, read out, is compared with
    ``targets[:, t]``. With ``batch_first=False`` they (and ``mask``) are steps x trials x K, as
    a ``torch.nn.RNN(batch_first=False)`` takes them. ``conditions`` is one label per trial
    (text or whole numbers). ``mask`` (shape of targets, 0 or 1, or bool) marks the entries the
    cost counts. The other keywords are the trial set's optional arrays, written when given.
    """
    u = _series("inputs", inputs, batch_first)
    trials, steps = u.shape[:2]
    if trials < 1 or steps < 1 or u.shape[2] < 1:
        raise ExportError(f"inputs has shape {u.shape}, expected at least one trial, one step and "
                          "one input.")
    out = {"inputs": u,
           "targets": _series("targets", targets, batch_first, trials, steps),
           "conditions": _labels("conditions", conditions, trials)}
    if mask is not None:
        m = _series("mask", mask, batch_first, trials, steps)
        if m.shape != out["targets"].shape:
            raise ExportError(f"mask has shape {m.shape}, expected the shape of targets "
                              f"{out['targets'].shape}.")
        if not np.all((m == 0) | (m == 1)):
            raise ExportError("mask holds values other than 0 and 1.")
        if not m.any():
            raise ExportError("mask is 0 everywhere, so no output would count in the cost.")
        out["mask"] = m
    if initial_state is not None:
        s = _numpy(initial_state).ravel()
        if s.shape != (trials,) or np.any(s != np.floor(s)) or np.any(s < 0):
            raise ExportError(f"initial_state must hold {trials} whole numbers from 0, one per "
                              "trial (the column of x0 it starts from).")
        out["initial_state"] = s.astype(np.int64)
    if (phase_names is None) != (phase_starts is None):
        raise ExportError("phase_names and phase_starts go together: give both or neither.")
    if phase_names is not None:
        out["phase_names"] = _labels("phase_names", phase_names)
        out["phase_starts"] = _numpy(phase_starts).ravel().astype(np.int64)
    for name, value in (("input_noise", input_noise), ("network_noise", network_noise),
                        ("dt", dt)):
        if value is not None:
            out[name] = np.float64(value)
    if sampling_conditions is not None:
        out["sampling_conditions"] = _labels("sampling_conditions", sampling_conditions)
    if sampling_times is not None:
        out["sampling_times"] = _numpy(sampling_times).ravel().astype(np.int64)
    return out


def export_trials(path, inputs, targets, conditions, mask=None, **optional):
    """Writes a trial set ``.npz`` at ``path``; the arguments are those of ``trial_arrays``.
    Returns ``path``."""
    _save_npz(path, trial_arrays(inputs, targets, conditions, mask=mask, **optional))
    return path


# ---------------------------------------------------------------------------------------------
# Atomic .npz writing
# ---------------------------------------------------------------------------------------------

def _save_npz(path, arrays):
    """np.savez to a temporary file beside ``path``, flushed to disk, then renamed over it."""
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    tmp = os.path.join(folder, f".{os.path.basename(path)}.tmp-{os.getpid()}-"
                               f"{secrets.token_hex(4)}")
    try:
        # O_EXCL: never write through a name that exists; 0o666 & umask like any new file.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(fd, "wb") as f:
                np.savez(f, **arrays)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            raise
    except OSError as e:
        raise OSError(f"cannot write {path} ({e.strerror or e}).") from e
    try:  # the rename itself reaches the disk
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------

def _torch_load(path):
    """What ``torch.save`` wrote to ``path``, whole modules included (unpickled: trusted files)."""
    try:
        try:
            return torch.load(path, map_location="cpu", weights_only=False)
        except TypeError:  # a PyTorch without weights_only (before 1.13)
            return torch.load(path, map_location="cpu")
    except OSError as e:
        raise OSError(f"cannot read {path} ({e.strerror or e}).") from e
    except Exception as e:  # not a torch.save file
        raise ExportError(f"{path} is not a file torch.load can read ({type(e).__name__}: "
                          f"{str(e).rstrip('.')}).") from e


def _model_from_file(obj):
    """(rnn, readout, h0) from what MODEL.pt holds (see the module's docstring)."""
    if isinstance(obj, nn.Module):
        return obj, None, None
    if isinstance(obj, dict):
        if "model" in obj:
            return obj["model"], obj.get("readout"), obj.get("h0")
        if "rnn" in obj:
            return obj["rnn"], obj.get("readout"), obj.get("h0")
        if "W" in obj and "W_in" in obj:
            return LeakyRNN.from_state_dict(obj), None, None
    raise ExportError("the model file holds neither {'rnn': torch.nn.RNN, 'readout': "
                      "torch.nn.Linear}, nor a LeakyRNN or its state_dict().")


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="opdims_from_torch.py",
        description="Write a PyTorch network (torch.nn.RNN with a Linear readout, or LeakyRNN) "
                    "as an opdims model .npz, and optionally a batch of trials as a trial set "
                    ".npz. See docs/pytorch.md.")
    parser.add_argument("model", help="torch.save of {'rnn': rnn, 'readout': linear[, 'h0': h0]}, "
                                      "of a LeakyRNN or of its state_dict()")
    parser.add_argument("--out", required=True, help="the opdims model file to write (.npz)")
    parser.add_argument("--dt", type=float, default=1.0,
                        help="for a torch.nn.RNN: dt = tau written to the model (default 1)")
    parser.add_argument("--trials", metavar="TRIALS.pt",
                        help="torch.save of a dict with export_trials' arguments (inputs, "
                             "targets, conditions[, mask, initial_state, batch_first, ...])")
    parser.add_argument("--trials-out", metavar="TRIALS.npz", help="the trial set to write")
    args = parser.parse_args(argv)
    if (args.trials is None) != (args.trials_out is None):
        parser.error("--trials and --trials-out go together")
    try:
        rnn, readout, h0 = _model_from_file(_torch_load(args.model))
        arrays = model_arrays(rnn, readout, h0=h0, dt=args.dt)
        trials = None
        if args.trials is not None:
            spec = _torch_load(args.trials)
            if not isinstance(spec, dict) or not {"inputs", "targets", "conditions"} <= set(spec):
                raise ExportError(f"{args.trials} must hold a dict with at least inputs, targets "
                                  "and conditions.")
            try:
                trials = trial_arrays(**spec)
            except TypeError as e:  # an unknown key
                raise ExportError(f"{args.trials} holds a key export_trials does not take "
                                  f"({e}).") from None
        _save_npz(args.out, arrays)
        if trials is not None:
            _save_npz(args.trials_out, trials)
    except (ExportError, OSError) as e:
        print(f"opdims_from_torch: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # a file torch cannot read, and the like: one line, not a traceback
        print(f"opdims_from_torch: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}" + (f" and {args.trials_out}" if trials is not None else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
