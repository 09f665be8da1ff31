"""opdims: operative dimensions of recurrent neural networks, from Python.

The compute core of the ``opdims`` command-line program and desktop explorer, with NumPy arrays
in and out. Functions take the same options, with the same names and defaults, as the CLI
commands of the same name (``opdims sweep --help`` and docs/analysis.md describe them): an option
``--max-iterations`` is the keyword ``max_iterations``, a flag such as ``--no-noise`` is
``no_noise=True``. A call gives the CLI's result bit for bit.

Long calls (``sweep``, ``local_dims``, ``global_dims``, ``fixed_points``, ``train``, ``simulate``)
release the GIL, show a tqdm progress bar when tqdm is installed (``progress=False`` hides it, or
pass a callable ``f(done, total)``), and stop within a fraction of a second on Ctrl+C, raising
KeyboardInterrupt. Errors are ``ValueError`` (bad input, impossible options) or ``OSError`` (a
file that cannot be opened, read or written), with the CLI's one-sentence messages.

Example
-------
>>> import opdims
>>> net = opdims.load("ctxt_weights.h5", net=1)
>>> opdims.evaluate(net, task="ctxt")["cost"]
0.0009980031022817437
>>> s = opdims.sweep(net, basis="op-columns", ks="1-100")
>>> s["k_2x"]
17
"""

from . import _opdims
from ._opdims import Network

__all__ = [
    "Network", "load", "save", "networks_in", "batch", "simulate", "evaluate", "pc_dims",
    "local_dims", "global_dims", "reduced_weights", "sweep", "angles", "fixed_points", "train",
]
__version__ = _opdims.__version__


def _options(**kwargs):
    """Keyword arguments as the CLI's options: names with dashes, values as text."""
    out = {}
    for key, value in kwargs.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        if value is True:
            out[name] = ""
        elif isinstance(value, (list, tuple)):
            out[name] = ",".join(repr(v) if isinstance(v, float) else str(v) for v in value)
        elif isinstance(value, float):
            out[name] = repr(value)
        else:
            out[name] = str(value)
    return out


def _progress(progress, label):
    """A callback f(done, total) for the core, and a function that closes it."""
    if progress is False or progress is None:
        return None, lambda: None
    if callable(progress):
        return progress, lambda: None
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return None, lambda: None
    bar = tqdm(total=1000, desc=label, leave=False)

    def update(done, total):
        n = int(1000 * done / total) if total > 0 else 0
        if n > bar.n:
            bar.update(n - bar.n)

    return update, bar.close


def _run(label, progress, call, *args):
    callback, close = _progress(progress, label)
    try:
        return call(*args, callback)
    finally:
        close()


def load(path, net=1, weights="final"):
    """Load a network file.

    Parameters
    ----------
    path : str
        The authors' HDF5 file (``/NetNr<i>`` groups), an opdims HDF5 network file or a NumPy
        ``.npz`` export (docs/file-format.md).
    net : int, optional
        Network number in an authors' file (default 1).
    weights : {"final", "init"}, optional
        Trained (default) or initial weights of an authors' file.

    Returns
    -------
    Network
        ``W`` (N, N), ``W_in`` (N, V), ``W_out`` (M, N), ``b`` (N,), ``b_z`` (M,), ``x0`` (N, C),
        ``dt``, ``tau``, ``noise_sigma``, ``task``, ``name``; the arrays are views of the
        network's own memory (no copies).

    Raises
    ------
    OSError
        The file does not exist or cannot be read.
    ValueError
        The file is not a network opdims reads, or ``net`` is not in it.
    """
    return _opdims.load(str(path), _options(net=net, weights=weights))


def save(net, path):
    """Save a network in opdims' HDF5 format, atomically (a half-written file never appears).

    Raises ``OSError`` when the file cannot be written and ``ValueError`` for an inconsistent
    network.
    """
    _opdims.save(net, str(path))


def networks_in(path):
    """The network numbers of an authors' file (list of int)."""
    return _opdims.networks_in(str(path))


def batch(task, batch="grid", trials=None, seed=None, dt=0.001):
    """The trials of a task: the fixed grid or a seeded random batch.

    Parameters
    ----------
    task : {"ctxt", "swg"}
    batch : {"grid", "random"}, optional
    trials : int, optional
        Random batches only: ctxt trials per context and coherency pair (default 10), swg trials
        (default 100).
    seed : int, optional
        Seed of a random batch (default 1).
    dt : float, optional
        Time step (default 0.001).

    Returns
    -------
    dict
        ``inputs`` (trials, steps, V) and ``targets`` (trials, steps, M): ``inputs[j, t]`` drives
        the update from x_t to x_{t+1} and ``targets[j, t]`` is the target of z_{t+1}; per trial
        ``context``, ``coh1``, ``coh2`` (ctxt), ``freq_id`` (swg), ``x0_column``; and
        ``network_noise``, ``noise_seed``.
    """
    return _opdims.batch(task, _options(batch=batch, trials=trials, seed=seed), dt)


def simulate(net, task=None, batch="grid", trials=None, seed=None, W=None, states=True,
             progress=True):
    """Run the network on a batch of its task.

    Parameters
    ----------
    net : Network
    task, batch, trials, seed
        As for :func:`evaluate`.
    W : ndarray (N, N), optional
        Recurrent weights to use instead of ``net.W`` (e.g. a reduced-rank weight matrix); then
        the state distance to the full network is returned too.
    states : bool, optional
        Return the states (default True; they take trials x steps x N x 8 bytes).

    Returns
    -------
    dict
        ``cost`` (float), ``outputs`` (trials, steps, M), ``states`` (trials, steps, N) with
        ``states[j, t]`` = x_{t+1}, ``state_distance`` (with ``W``), ``trials``, ``steps``.
    """
    return _run("simulate", progress, _opdims.simulate, net,
                _options(task=task, batch=batch, trials=trials, seed=seed), W, states)


def evaluate(net, task=None, batch="grid", trials=None, seed=None):
    """The cost (mean squared error of output vs target over outputs, steps and trials).

    Parameters
    ----------
    net : Network
    task : {"ctxt", "swg"}, optional
        Default: the network's own task, or the one its sizes suggest.
    batch : {"grid", "random"}, optional
        The noise-free grid (default) or a seeded random batch with the paper's noise.
    trials : int, optional
        Random batch: trials per condition (ctxt, default 10) or in all (swg, default 100).
    seed : int, optional
        Seed of the random batch (default 1).

    Returns
    -------
    dict
        ``cost`` (float), ``task``, ``batch``, ``trials``, ``steps``.
    """
    return _opdims.evaluate(net, _options(task=task, batch=batch, trials=trials, seed=seed))


def pc_dims(W):
    """PC dimensions of a weight matrix: its left singular vectors.

    Parameters
    ----------
    W : ndarray (N, N)

    Returns
    -------
    dict
        ``Q`` (N, N), columns by decreasing singular value; ``singular_values`` (N,);
        ``variance_explained`` (N,), fractions summing to 1.
    """
    return _opdims.pc_dims(W)


def local_dims(net, type="columns", task=None, times=None, starts=None, batch=None, trials=None,
               seed=None, progress=True):
    """Local operative dimensions at every sampling location (docs/analysis.md).

    Parameters
    ----------
    net : Network
    type : {"columns", "rows"}
    task : {"ctxt", "swg"}, optional
    times : str or list of int, optional
        Sampling times (default the paper's: ctxt 1, 100, ..., 1400; swg 1, 50, ..., 500).
    starts : int, optional
        Rows: starting points of the search (the CLI's default).
    batch, trials, seed
        The batch whose condition averages are the sampling locations (default the grid).

    Returns
    -------
    dict
        ``task``, ``type`` and ``locations``: a list with one dict per sampling location: ``t``,
        ``context``, ``sign_coh1``, ``sign_coh2`` (ctxt), ``freq_id`` (swg), ``x`` (N,), ``Q``
        (N, d) the local dimensions in the order found, ``delta_f`` (d,) their effects.
    """
    return _run("local dimensions", progress, _opdims.local_dims, net,
                _options(type=type, task=task, times=times, starts=starts, batch=batch,
                         trials=trials, seed=seed))


def global_dims(net, type="columns", task=None, locations=None, local=None, times=None,
                global_times=None, conditions=None, starts=None, batch=None, trials=None,
                seed=None, progress=True):
    """Global operative dimensions: the left singular vectors of all local dimensions.

    Parameters
    ----------
    net : Network
    type : {"columns", "rows"}
    locations : str, optional
        "all" (default) or a function-specific subset: ctxt1, ctxt2, pos-choice, neg-choice (ctxt),
        freqN (swg: the locations of frequency id N).
    local : str, optional
        A file of local dimensions in the authors' layout to use instead of computing them.
    times, global_times, conditions, starts, batch, trials, seed
        As the CLI's ``opdims global`` options.

    Returns
    -------
    dict
        ``Q`` (N, N), columns by decreasing singular value (completed to a basis of the whole
        space); ``singular_values`` (N,); ``variance_explained`` (N,); ``locations`` and
        ``local_dimensions`` used; ``type``.
    """
    return _run("global dimensions", progress, _opdims.global_dims, net,
                _options(type=type, task=task, locations=locations, local=local, times=times,
                         global_times=global_times, conditions=conditions, starts=starts,
                         batch=batch, trials=trials, seed=seed))


def reduced_weights(W, Q, k, side="columns"):
    """The reduced-rank weight matrix keeping the first k dimensions of a basis.

    Parameters
    ----------
    W : ndarray (N, N)
    Q : ndarray (N, K)
        Orthonormal columns, most important first (e.g. ``pc_dims(W)["Q"]``).
    k : int
        Dimensions kept, 0 <= k <= K.
    side : {"columns", "rows"}
        Columns: Q_k Q_k^T W; rows: W Q_k Q_k^T.

    Returns
    -------
    ndarray (N, N)
    """
    return _opdims.reduced_weights(W, Q, int(k), side)


def sweep(net, basis="pc", ks=None, task=None, batch="grid", trials=None, seed=None, local=None,
          locations=None, type="columns", progress=True, **options):
    """Cost and state distance of reduced-rank weight matrices for a list of ranks k.

    Parameters
    ----------
    net : Network
    basis : str or ndarray (N, K), optional
        "pc" (default), "op-columns", "op-rows", a subset such as "op-columns:ctxt1", or a basis of
        your own as an array with orthonormal columns (``type`` gives its side).
    ks : str or list of int, optional
        Ranks, e.g. "1-100", "1-100:5" or [1, 5, 10] (default: every rank of the basis).
    task, batch, trials, seed
        The batch the cost is measured on (default the grid), as for :func:`evaluate`.
    local : str, optional
        The authors' local dimension file for the operative dimensions.
    locations : str, optional
        Sampling locations of the operative dimensions (default "all").
    **options
        Further options of ``opdims sweep`` (``times``, ``starts``, ...).

    Returns
    -------
    dict
        ``k`` (n,) int, ``cost`` (n,), ``state_distance`` (n,), ``full_cost`` (float), ``k_2x``
        (smallest k with cost <= 2x the full cost, or None), ``basis`` (name), and for a named
        basis ``basis_Q`` (N, K) and ``basis_strength`` (K,).
    """
    opts = _options(ks=ks, task=task, batch=batch, trials=trials, seed=seed, local=local,
                    locations=locations, **options)
    if isinstance(basis, str):
        opts["basis"] = basis
        if type != "columns":
            opts["type"] = type
        return _run("sweep", progress, _opdims.sweep, net, opts, None, "")
    return _run("sweep", progress, _opdims.sweep, net, opts, basis, type)


def angles(A, B):
    """Principal angles between the subspaces spanned by the columns of A and B, in degrees,
    ascending (ndarray of min(K_A, K_B))."""
    return _opdims.angles(A, B)


def fixed_points(net, context=None, input=None, starts=None, seed=None, jitter=None, basis=None,
                 rank=None, task=None, progress=True, **options):
    """Fixed and slow points of the flow for a constant input, with their linearisation.

    Parameters
    ----------
    net : Network
    context : int, optional
        ctxt: context 1 (default) or 2 with zero sensory input.
    input : list of float, optional
        A constant input vector instead (one value per input; required for swg).
    starts : int, optional
        Starting states sampled on the grid trajectories (default 1000).
    seed, jitter
        Seed of the sampling and Gaussian noise added to the starts.
    basis, rank : optional
        Analyse the reduced-rank weight matrix keeping ``rank`` dimensions of ``basis``.
    **options
        ``max_iterations``, ``slow_q``, ``merge_distance``, ``outlier_scale``, ``marginal``.

    Returns
    -------
    dict
        ``x`` (P, N) the points; ``q``, ``speed`` (P,); ``kind`` and ``stability`` (lists of P
        names); ``unstable_modes``, ``starts``, ``iterations`` (P,) int; ``eigenvalues`` (P, N)
        complex, largest real part first; ``eigenvectors`` (P arrays of (N, N) complex);
        ``slow_direction`` (P, N); ``input``, ``problem``, ``weights``, and the run counts.
    """
    return _run("fixed points", progress, _opdims.fixed_points, net,
                _options(context=context, input=input, starts=starts, seed=seed, jitter=jitter,
                         basis=basis, rank=rank, task=task, **options))


def train(task=None, iterations=None, units=None, seed=None, start=None, progress=True,
          **options):
    """Train a network on ctxt or swg (BPTT, Adam, the paper's noise), as ``opdims train``.

    Parameters
    ----------
    task : {"ctxt", "swg"}
    iterations : int
        Train until this iteration.
    units : int, optional
        Units of a new network (default 100).
    seed : int, optional
        Seed of the initial network and of every training batch (default 1).
    start : Network or str, optional
        A network (or a network file / checkpoint) to start from instead of a seeded random one.
    **options
        ``batch_size``, ``lr``, ``lr_final``, ``warmup``, ``schedule``, ``clip``, ``g``,
        ``freeze``, ``no_noise``, ``net``, ``weights``, ``threads``.

    Returns
    -------
    (Network, dict)
        The trained network and its log: ``iteration``, ``loss``, ``grad_norm``,
        ``learning_rate`` (one value per iteration).
    """
    opts = _options(task=task, iterations=iterations, units=units, seed=seed, **options)
    net = None
    if isinstance(start, Network):
        net = start
    elif start is not None:
        opts["from"] = str(start)
    return _run("train", progress, _opdims.train, opts, net)
