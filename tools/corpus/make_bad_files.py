#!/usr/bin/env python3
"""Writes the opdims bad-file corpus: malformed, hostile and valid network and analysis files.

    python3 tools/corpus/make_bad_files.py OUTDIR

Every file name says what is wrong with it. OUTDIR/manifest.json lists, for each file, its kind
(authors-h5, opdims-h5, npz, local-dims, basis, fixed-points, checkpoint), whether it is valid
(true, false, or "either" when both a clear refusal and a correct load are acceptable), what is
wrong, and which `opdims` invocations (see COMMANDS below, used by run_corpus.py) apply to it.

The output is deterministic: the same inputs (the two networks in resources/networks) and the same
Python/h5py/zlib give the same bytes. No file is larger than 1,000,000 bytes. The valid models are
derived from resources/networks/ctxt_default.h5 and swg_default.h5 (opdims' own networks); the
authors' pretrained files are not copied.

Needs python3 with h5py and numpy (Debian: python3-h5py, python3-numpy).
"""

import argparse
import hashlib
import io
import json
import os
import shutil
import struct
import sys
import zlib
from pathlib import Path

import numpy as np

try:
    import h5py
except ImportError:  # pragma: no cover
    sys.exit("make_bad_files.py needs h5py (Debian: apt install python3-h5py)")

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
TEMPLATE_CTXT = REPO / "resources" / "networks" / "ctxt_default.h5"
TEMPLATE_SWG = REPO / "resources" / "networks" / "swg_default.h5"
MAX_FILE_BYTES = 1_000_000
MANIFEST_VERSION = 1

# The invocations the runner knows. {F} is the corpus file, {TMP} a fresh empty folder per run
# (also the working directory), {CTXT_MODEL}/{SWG_MODEL} the corpus' valid reference networks.
# "outputs" are the files a successful run may leave in {TMP}; a failed run must leave nothing.
# "@fp_probe" is a tiny C++ program (fp_probe.cpp) that calls core's loadFixedPoints: no CLI
# command reads fixed-point files.
COMMANDS = {
    "info": {"args": ["info", "{F}"]},
    "evaluate": {"args": ["evaluate", "{F}", "--task", "ctxt"]},
    "sweep": {"args": ["sweep", "{F}", "--task", "ctxt", "--basis", "pc", "--ks", "1-3"]},
    "local": {
        "args": ["local", "{F}", "--task", "ctxt", "--type", "columns", "--out", "{TMP}/x.h5"],
        "outputs": ["x.h5"],
    },
    "global": {"args": ["global", "{F}", "--task", "ctxt", "--type", "columns"]},
    "fixed-points": {"args": ["fixed-points", "{F}", "--task", "ctxt", "--starts", "20"]},
    "evaluate-swg": {"args": ["evaluate", "{F}", "--task", "swg"]},
    "sweep-swg": {"args": ["sweep", "{F}", "--task", "swg", "--basis", "pc", "--ks", "1-3"]},
    "local-swg": {
        "args": ["local", "{F}", "--task", "swg", "--type", "columns", "--out", "{TMP}/x.h5"],
        "outputs": ["x.h5"],
    },
    "global-swg": {"args": ["global", "{F}", "--task", "swg", "--type", "columns"]},
    "fixed-points-swg": {
        "args": ["fixed-points", "{F}", "--task", "swg", "--input", "0.5", "--starts", "20"]
    },
    "sweep-local": {
        "args": ["sweep", "{CTXT_MODEL}", "--task", "ctxt", "--basis", "op-columns", "--local",
                 "{F}", "--ks", "1-3"]
    },
    "global-local": {
        "args": ["global", "{CTXT_MODEL}", "--task", "ctxt", "--type", "columns", "--local", "{F}"]
    },
    "sweep-local-swg": {
        "args": ["sweep", "{SWG_MODEL}", "--task", "swg", "--basis", "op-columns", "--local",
                 "{F}", "--ks", "1-3"]
    },
    "global-local-swg": {
        "args": ["global", "{SWG_MODEL}", "--task", "swg", "--type", "columns", "--local", "{F}"]
    },
    "sweep-basis": {
        "args": ["sweep", "{CTXT_MODEL}", "--task", "ctxt", "--basis-file", "{F}", "--ks", "1-3"]
    },
    "angles-basis": {
        "args": ["angles", "{CTXT_MODEL}", "--task", "ctxt", "--a", "file:{F}", "--b", "pc",
                 "--k", "1"]
    },
    "train-resume": {
        "args": ["train", "--from", "{F}", "--iterations", "2", "--checkpoint-every", "0",
                 "--checkpoint", "{TMP}/ck.h5", "--out", "{TMP}/trained.h5"],
        "outputs": ["trained.h5", "ck.h5"],
    },
    "fp-probe": {"args": ["@fp_probe", "{F}"]},
}

MODEL_CMDS = ["info", "evaluate", "sweep", "local", "global", "fixed-points"]
MODEL_CMDS_SWG = ["info", "evaluate-swg", "sweep-swg", "local-swg", "global-swg",
                  "fixed-points-swg"]
LOCAL_CMDS = ["sweep-local", "global-local"]
LOCAL_CMDS_SWG = ["sweep-local-swg", "global-local-swg"]
BASIS_CMDS = ["sweep-basis", "angles-basis"]
FP_CMDS = ["info", "fp-probe"]
CKPT_CMDS = ["info", "train-resume"]
# Commands that only read the model (no simulation): for files whose problem only shows there.
SIM_CMDS = ["evaluate", "sweep", "local", "global", "fixed-points"]
# Bulk damage (bit flips, truncations, random bytes) exercises the loader, which every command
# shares: load-only and load-and-simulate are enough and keep the corpus run short.
LOADER_CMDS = ["info", "evaluate"]

MODEL_KEYS = ["W", "W_in", "W_out", "b", "b_z", "x0"]
ATTR_ORDER = ["format", "version", "name", "task", "provenance", "dt", "tau", "noise_sigma"]


# --------------------------------------------------------------------------------------------
# Corpus bookkeeping
# --------------------------------------------------------------------------------------------

class Corpus:
    def __init__(self, out: Path):
        self.out = out
        self.entries = []
        self.names = set()

    def path(self, name: str) -> Path:
        if name in self.names:
            raise SystemExit(f"duplicate corpus file name {name}")
        return self.out / name

    def add(self, name, kind, valid, what, invocations, expect=None, task=None):
        """Registers a written file. expect: {command: "ok"|"fail"|"either"} overrides."""
        p = self.out / name
        if not p.exists() and not p.is_symlink():
            raise SystemExit(f"generator bug: {name} was not written")
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SystemExit(f"generator bug: {name} is {size} bytes (limit {MAX_FILE_BYTES})")
        for c in invocations:
            assert c in COMMANDS, c
        self.names.add(name)
        e = {"file": name, "kind": kind, "valid": valid, "what": what,
             "invocations": list(invocations), "bytes": size}
        if expect:
            e["expect"] = dict(expect)
        if task:
            e["task"] = task
        self.entries.append(e)

    def write_bytes(self, name, data: bytes):
        p = self.path(name)
        p.write_bytes(data)
        return p


# --------------------------------------------------------------------------------------------
# HDF5 helpers (no timestamps, so that the output is deterministic)
# --------------------------------------------------------------------------------------------

def h5file(path, libver="earliest", userblock=0):
    # A fixed libver keeps the layout stable across h5py defaults ("v110" allows attributes
    # larger than 64 kB: dense attribute storage).
    fapl = h5py.h5p.create(h5py.h5p.FILE_ACCESS)
    low = {"earliest": h5py.h5f.LIBVER_EARLIEST, "v110": h5py.h5f.LIBVER_V110,
           "latest": h5py.h5f.LIBVER_LATEST}[libver]
    fapl.set_libver_bounds(low, h5py.h5f.LIBVER_LATEST)
    fcpl = h5py.h5p.create(h5py.h5p.FILE_CREATE)
    fcpl.set_obj_track_times(False)  # no timestamps in the root group's object header
    if userblock:
        fcpl.set_userblock(userblock)
    fid = h5py.h5f.create(str(path).encode(), h5py.h5f.ACC_TRUNC, fapl=fapl, fcpl=fcpl)
    return h5py.File(fid)


def group(parent, name):
    """Creates (nested) groups without modification times."""
    g = parent
    for part in [p for p in name.split("/") if p]:
        if part in g:
            g = g[part]
            continue
        gcpl = h5py.h5p.create(h5py.h5p.GROUP_CREATE)
        gcpl.set_obj_track_times(False)
        gid = h5py.h5g.create(g.id, part.encode(), gcpl=gcpl)
        g = h5py.Group(gid)
    return g


def dset(parent, name, data, compress=False, **kw):
    data = np.asarray(data)
    if compress and data.size > 0 and data.ndim >= 1:
        kw.setdefault("chunks", tuple(max(1, s) for s in data.shape))
        kw.setdefault("compression", "gzip")
        kw.setdefault("compression_opts", 4)
    return parent.create_dataset(name, data=data, track_times=False, **kw)


def attr_fixed(obj, name, value, cset=None, pad=None, size=None):
    """A scalar fixed-length string attribute, as opdims writes it (UTF-8, null-padded)."""
    b = value.encode("utf-8") if isinstance(value, str) else bytes(value)
    cset = h5py.h5t.CSET_UTF8 if cset is None else cset
    pad = h5py.h5t.STR_NULLPAD if pad is None else pad
    size = size or max(1, len(b))
    tid = h5py.h5t.C_S1.copy()
    tid.set_size(size)
    tid.set_strpad(pad)
    tid.set_cset(cset)
    if name in obj.attrs:
        del obj.attrs[name]
    sid = h5py.h5s.create(h5py.h5s.SCALAR)
    aid = h5py.h5a.create(obj.id, name.encode(), tid, sid)
    filler = b" " if pad == h5py.h5t.STR_SPACEPAD else b"\0"
    buf = np.array(b.ljust(size, filler)[:size], dtype=f"S{size}")
    aid.write(buf, mtype=tid)


def attr_any(obj, name, value):
    if callable(value):
        value(obj, name)
    elif isinstance(value, str):
        attr_fixed(obj, name, value)
    elif isinstance(value, bool):
        obj.attrs.create(name, np.bool_(value))
    elif isinstance(value, (int, np.integer)) and not isinstance(value, np.floating):
        obj.attrs.create(name, np.int64(value))
    elif isinstance(value, float):
        obj.attrs.create(name, np.float64(value))
    else:
        obj.attrs.create(name, value)


# Attribute value factories (used as callables in the `attrs` overrides).
def A_vlen(s):
    return lambda o, k: o.attrs.create(k, s, dtype=h5py.string_dtype("utf-8"))


def A_vlen_ascii(s):
    return lambda o, k: o.attrs.create(k, s.encode(), dtype=h5py.string_dtype("ascii"))


def A_fixed(s, **kw):
    return lambda o, k: attr_fixed(o, k, s, **kw)


def A_array(values, dtype=None):
    return lambda o, k: o.attrs.create(k, np.asarray(values, dtype=dtype))


def A_str_array_fixed(strings):
    n = max(len(s) for s in strings)
    return lambda o, k: o.attrs.create(k, np.array([s.encode() for s in strings], dtype=f"S{n}"))


def A_str_array_vlen(strings):
    return lambda o, k: o.attrs.create(k, strings, dtype=h5py.string_dtype("utf-8"))


def A_empty(dtype="f8"):
    return lambda o, k: o.attrs.create(k, h5py.Empty(dtype))


# Dataset factories.
def D_chunked_fill(shape, chunks, fill=0.0, dtype="f8", compression="gzip", write=None):
    def make(f, k):
        d = f.create_dataset(k, shape=shape, dtype=dtype, chunks=chunks, compression=compression,
                             fillvalue=fill, track_times=False)
        if write:
            write(d)
    return make


def D_empty(dtype="f8"):
    return lambda f, k: f.create_dataset(k, data=h5py.Empty(dtype), track_times=False)


def D_external(shape, files, dtype="f8"):
    return lambda f, k: f.create_dataset(k, shape=shape, dtype=dtype, external=files,
                                         track_times=False)


def D_softlink(target):
    def make(f, k):
        f[k] = h5py.SoftLink(target)
    return make


def D_extlink(filename, target):
    def make(f, k):
        f[k] = h5py.ExternalLink(filename, target)
    return make


def D_group():
    return lambda f, k: group(f, k)


def D_data(data, **kw):
    return lambda f, k: dset(f, k, data, **kw)


def D_none():
    return lambda f, k: None


_BOMB_CACHE = {}


def zlib_zeros(total):
    """zlib-compressed (HDF5's deflate format) stream of `total` zero bytes, streamed."""
    if total not in _BOMB_CACHE:
        c = zlib.compressobj(9)
        chunk = bytes(1 << 24)
        out, left = [], total
        while left > 0:
            out.append(c.compress(chunk[:min(left, len(chunk))]))
            left -= len(chunk)
        out.append(c.flush())
        _BOMB_CACHE[total] = b"".join(out)
    return _BOMB_CACHE[total]


def D_double_deflate_bomb(shape, inflated):
    """A chunked dataset whose filter pipeline is deflate twice and whose one chunk inflates to
    `inflated` bytes of zeros (the declared chunk is only shape's size): a few kB on disk."""
    def make(f, k):
        dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
        dcpl.set_obj_track_times(False)
        dcpl.set_chunk(shape)
        dcpl.set_deflate(9)
        dcpl.set_deflate(9)
        sid = h5py.h5s.create_simple(shape)
        did = h5py.h5d.create(f.id, k.encode(), h5py.h5t.IEEE_F64LE, sid, dcpl=dcpl)
        did.write_direct_chunk((0,) * len(shape), zlib.compress(zlib_zeros(inflated), 9), 0)
    return make


def D_virtual(shape, filename, source):
    def make(f, k):
        dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
        dcpl.set_obj_track_times(False)
        dcpl.set_fill_value(np.array(0.0))
        space = h5py.h5s.create_simple(shape)
        dcpl.set_virtual(space, filename.encode(), source.encode(), h5py.h5s.create_simple(shape))
        h5py.h5d.create(f.id, k.encode(), h5py.h5t.IEEE_F64LE, space, dcpl=dcpl)
    return make


def D_compact(data):
    def make(f, k):
        dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
        dcpl.set_obj_track_times(False)
        dcpl.set_layout(h5py.h5d.COMPACT)
        arr = np.ascontiguousarray(data, dtype="<f8")
        sid = h5py.h5s.create_simple(arr.shape)
        did = h5py.h5d.create(f.id, k.encode(), h5py.h5t.IEEE_F64LE, sid, dcpl=dcpl)
        did.write(h5py.h5s.ALL, h5py.h5s.ALL, arr)
    return make


# --------------------------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------------------------

class Template:
    def __init__(self, path):
        with h5py.File(path, "r") as f:
            self.arrays = {k: np.array(f[k][()], dtype=np.float64) for k in MODEL_KEYS}
            self.attrs = {}
            for k in ATTR_ORDER:
                if k in f.attrs:
                    v = f.attrs[k]
                    if isinstance(v, (bytes, np.bytes_)):
                        v = v.decode("utf-8")
                    elif isinstance(v, np.integer):
                        v = int(v)
                    elif isinstance(v, np.floating):
                        v = float(v)
                    self.attrs[k] = v
        # Short, fixed metadata (the shipped provenance is long; keep the corpus small).
        self.attrs["provenance"] = "tools/corpus/make_bad_files.py from " + Path(path).name
        self.attrs["name"] = "corpus " + Path(path).stem
        self.n = self.arrays["W"].shape[0]


def write_opdims(path, T, arrays=None, attrs=None, drop=(), compress=True, extra=None,
                 attr_order=None, libver="earliest"):
    with h5file(path, libver) as f:
        a = dict(T.attrs)
        a.update(attrs or {})
        order = attr_order or (ATTR_ORDER + [k for k in a if k not in ATTR_ORDER])
        for k in order:
            if k in drop or k not in a:
                continue
            attr_any(f, k, a[k])
        arr = dict(T.arrays)
        arr.update(arrays or {})
        for k in MODEL_KEYS + [k for k in arr if k not in MODEL_KEYS]:
            if k in drop:
                continue
            v = arr[k]
            if callable(v):
                v(f, k)
            else:
                dset(f, k, v, compress=compress)
        if extra:
            extra(f)


AUTHORS_NAMES = {  # matrix -> (dataset, transposed when stored)
    "W": "n_Wrr_n", "W_in": "n_Wru_v", "W_out": "m_Wzr_n", "x0": "n_x0_c", "b": "n_bx_1",
    "b_z": "m_bz_1",
}


def authors_arrays(T, scale=1.0):
    a = T.arrays
    return {
        "n_Wrr_n": (a["W"] * scale).T,
        "n_Wru_v": a["W_in"].T,
        "m_Wzr_n": a["W_out"].T,
        "n_x0_c": a["x0"].T,
        "n_bx_1": a["b"].reshape(1, -1),
        "m_bz_1": a["b_z"].reshape(1, -1),
    }


def write_authors(path, T, nets=("NetNr1",), override=None, drop=(), extra=None,
                  groups=("final", "init")):
    """override: {(net, grp, ds): value or callable}; drop: {(net, grp, ds)} or (net, grp)."""
    override = override or {}
    with h5file(path) as f:
        for i, net in enumerate(nets):
            for grp in groups:
                if (net, grp) in drop:
                    continue
                g = group(f, f"{net}/{grp}")
                arrs = authors_arrays(T, scale=1.0 if grp == "final" else 0.5 + 0.1 * i)
                for ds, data in arrs.items():
                    key = (net, grp, ds)
                    if key in drop:
                        continue
                    v = override.get(key, data)
                    if callable(v):
                        v(g, ds)
                    else:
                        dset(g, ds, v, compress=True)
        if extra:
            extra(f)


# --------------------------------------------------------------------------------------------
# NumPy / zip helpers (our own zip writer: fixed timestamps, full control over every field)
# --------------------------------------------------------------------------------------------

def npy(arr, version=(1, 0)):
    buf = io.BytesIO()
    np.lib.format.write_array(buf, np.asarray(arr), version=version, allow_pickle=True)
    return buf.getvalue()


def npy_raw(header: str, body: bytes = b"", major=1, pad=True, magic=b"\x93NUMPY"):
    """A .npy with a hand-written header dict."""
    h = header.encode("latin1")
    pre = 10 if major == 1 else 12
    if pad:
        total = pre + len(h) + 1
        h = h + b" " * ((64 - total % 64) % 64) + b"\n"
    if major == 1:
        head = magic + bytes([1, 0]) + struct.pack("<H", len(h))
    else:
        head = magic + bytes([major, 0]) + struct.pack("<I", len(h))
    return head + h + body


class Member:
    def __init__(self, name, data=b"", method=8, **kw):
        self.name = name.encode() if isinstance(name, str) else name
        self.data = data
        self.method = method
        self.compressed = kw.get("compressed")  # raw bytes to store instead of compressing
        self.crc = kw.get("crc")
        self.csize = kw.get("csize")  # central-directory sizes (local header uses real ones)
        self.usize = kw.get("usize")
        self.flags = kw.get("flags", 0)
        self.local_flags = kw.get("local_flags", self.flags)
        self.zip64 = kw.get("zip64")  # dict of usize/csize/offset for the central zip64 extra
        self.local_extra = kw.get("local_extra", b"")
        self.local_usize = kw.get("local_usize")  # local header sizes (default: the real ones)
        self.local_csize = kw.get("local_csize")
        self.zip64_local = kw.get("zip64_local")  # dict usize/csize for a local zip64 extra
        self.central_name = kw.get("central_name")
        self.offset_override = kw.get("offset")
        self.name_len_override = kw.get("name_len")


def deflate_raw(data, level=6):
    c = zlib.compressobj(level, zlib.DEFLATED, -15, 9)
    return c.compress(data) + c.flush()


def build_zip(members, comment=b"", eocd=None, prefix=b"", extra_central=None, cd_order=None):
    """members: list of Member. extra_central: more central entries [(member_index, name)].
    eocd: overrides of {entries, cd_size, cd_offset}."""
    out = bytearray(prefix)
    central = bytearray()
    infos = []
    for m in members:
        if m.compressed is not None:
            comp = m.compressed
        elif m.method == 8:
            comp = deflate_raw(m.data)
        else:
            comp = m.data
        crc = (zlib.crc32(m.data) & 0xFFFFFFFF) if m.crc is None else m.crc
        offset = len(out)
        lu = len(m.data) if m.local_usize is None else m.local_usize
        lc = len(comp) if m.local_csize is None else m.local_csize
        lextra = m.local_extra
        if m.zip64_local is not None:
            lextra = struct.pack("<HHQQ", 0x0001, 16, m.zip64_local.get("usize", lu),
                                 m.zip64_local.get("csize", lc)) + lextra
            lu = lc = 0xFFFFFFFF
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, m.local_flags, m.method, 0, 0x21,
                           crc, lc & 0xFFFFFFFF, lu & 0xFFFFFFFF, len(m.name), len(lextra))
        out += m.name + lextra + comp
        infos.append((m, crc, len(comp), len(m.data), offset))
    entries = [(i, None) for i in range(len(members))] + list(extra_central or [])
    if cd_order:
        entries = [entries[i] for i in cd_order]
    cd_offset = len(out)
    for i, alt_name in entries:
        m, crc, csize, usize, offset = infos[i]
        name = alt_name if alt_name is not None else (m.central_name or m.name)
        if isinstance(name, str):
            name = name.encode()
        csize = m.csize if m.csize is not None else csize
        usize = m.usize if m.usize is not None else usize
        offset = m.offset_override if m.offset_override is not None else offset
        extra = b""
        if m.zip64 is not None:
            fields = b""
            if not m.zip64:  # markers only, no data in the zip64 field
                usize = csize = offset = 0xFFFFFFFF
            if "usize" in m.zip64:
                fields += struct.pack("<Q", m.zip64["usize"])
                usize = 0xFFFFFFFF
            if "csize" in m.zip64:
                fields += struct.pack("<Q", m.zip64["csize"])
                csize = 0xFFFFFFFF
            if "offset" in m.zip64:
                fields += struct.pack("<Q", m.zip64["offset"])
                offset = 0xFFFFFFFF
            extra = struct.pack("<HH", 0x0001, len(fields)) + fields
        name_len = m.name_len_override if m.name_len_override is not None else len(name)
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, m.flags, m.method, 0,
                               0x21, crc, csize & 0xFFFFFFFF, usize & 0xFFFFFFFF, name_len,
                               len(extra), 0, 0, 0, 0, offset & 0xFFFFFFFF)
        central += name + extra
    out += central
    e = {"entries": len(entries), "cd_size": len(central), "cd_offset": cd_offset}
    e.update(eocd or {})
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, e["entries"] & 0xFFFF,
                       e["entries"] & 0xFFFF, e["cd_size"] & 0xFFFFFFFF,
                       e["cd_offset"] & 0xFFFFFFFF, len(comment))
    out += comment
    return bytes(out)


def model_members(T, arrays=None, drop=(), method=8, extra=None, order=None):
    arr = dict(T.arrays)
    arr.update(arrays or {})
    keys = order or (MODEL_KEYS + [k for k in arr if k not in MODEL_KEYS])
    ms = []
    for k in keys:
        if k in drop:
            continue
        v = arr[k]
        data = v if isinstance(v, (bytes, bytearray)) else npy(v)
        ms.append(Member(k + ".npy", data, method=method))
    return ms + list(extra or [])


def zero_zip_times(data: bytes) -> bytes:
    """Clears the DOS time/date fields of every local and central header (np.savez writes now)."""
    b = bytearray(data)
    i = 0
    while True:
        j = b.find(b"PK\x03\x04", i)
        if j < 0:
            break
        b[j + 10:j + 14] = b"\0\0\x21\0"
        i = j + 4
    i = 0
    while True:
        j = b.find(b"PK\x01\x02", i)
        if j < 0:
            break
        b[j + 12:j + 16] = b"\0\0\x21\0"
        i = j + 4
    return bytes(b)


# --------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------

def gen_opdims(C: Corpus, T: Template, TS: Template):
    K = "opdims-h5"
    n = T.n
    bad = lambda name, what, expect=None, **kw: C.add(name, K, False, what, MODEL_CMDS, expect)
    either = lambda name, what, expect=None: C.add(name, K, "either", what, MODEL_CMDS, expect)
    ok = lambda name, what, expect=None: C.add(name, K, True, what, MODEL_CMDS, expect)

    def W(name, **kw):
        write_opdims(C.path(name), T, **kw)
        return name

    # --- valid files -----------------------------------------------------------------------
    ok(W("ref_ctxt_model.h5"), "valid reference ctxt network (as opdims writes it)")
    write_opdims(C.path("ref_swg_model.h5"), TS)
    C.add("ref_swg_model.h5", K, True, "valid reference swg network", MODEL_CMDS_SWG,
          task="swg")
    ok(W("valid_opdims_vlen_utf8_string_attrs.h5",
         attrs={k: A_vlen(T.attrs[k]) for k in ("format", "name", "task", "provenance")}),
       "string attributes as h5py writes them by default (variable-length UTF-8): must load")
    ok(W("valid_opdims_vlen_ascii_string_attrs.h5",
         attrs={k: A_vlen_ascii(T.attrs[k]) for k in ("format", "name", "task", "provenance")}),
       "variable-length ASCII string attributes: must load")
    ok(W("valid_opdims_fixed_ascii_nullterm_attrs.h5",
         attrs={k: A_fixed(T.attrs[k], cset=h5py.h5t.CSET_ASCII, pad=h5py.h5t.STR_NULLTERM,
                           size=len(T.attrs[k]) + 1)
                for k in ("format", "name", "task", "provenance")}),
       "fixed-length ASCII null-terminated string attributes (np.bytes_ style)")
    ok(W("valid_opdims_contiguous_uncompressed.h5", compress=False),
       "contiguous, uncompressed datasets")
    ok(W("valid_opdims_float32_datasets.h5",
         arrays={k: T.arrays[k].astype(np.float32) for k in MODEL_KEYS}),
       "all datasets float32")
    ok(W("valid_opdims_bigendian_f8_datasets.h5",
         arrays={k: T.arrays[k].astype(">f8") for k in MODEL_KEYS}),
       "all datasets big-endian float64")
    ok(W("valid_opdims_no_optional_attrs.h5", drop=("name", "task", "provenance")),
       "no name/task/provenance (optional attributes)")
    ok(W("valid_opdims_version_int32.h5", attrs={"version": A_array(1, np.int32)}),
       "version stored as int32 1")
    ok(W("valid_opdims_noise_sigma_int64_zero.h5", attrs={"noise_sigma": 0}),
       "noise_sigma stored as int64 0")
    ok(W("valid_opdims_dt_tau_float32.h5",
         attrs={"dt": A_array(T.attrs["dt"], np.float32),
                "tau": A_array(T.attrs["tau"], np.float32)}),
       "dt and tau stored as float32")
    ok(W("valid_opdims_W_1000_tiny_chunks.h5",
         arrays={"W": D_data(T.arrays["W"], chunks=(10, 1), compression="gzip")}),
       "W in 1000 tiny chunks")
    ok(W("valid_opdims_attrs_reordered.h5",
         attr_order=["noise_sigma", "tau", "dt", "provenance", "task", "name", "version",
                     "format"]),
       "attributes created in a different order")
    either(W("opdims_version_float64_1.h5", attrs={"version": 1.0}),
           "version stored as float64 1.0 (spec says int64)")
    either(W("opdims_b_1d_vector.h5", arrays={"b": T.arrays["b"].reshape(-1)}),
           "b stored 1-D (N,) instead of N x 1")
    either(W("opdims_b_z_scalar_dataset.h5", arrays={"b_z": np.float64(T.arrays["b_z"][0, 0])}),
           "b_z as a scalar (0-d) dataset with M = 1")
    either(W("opdims_dt_attr_shape_1x1.h5", attrs={"dt": A_array([[T.attrs["dt"]]])}),
           "dt stored as a 1x1 array attribute")
    either(W("opdims_format_spacepadded_fixed16.h5",
             attrs={"format": A_fixed("opdims-model", pad=h5py.h5t.STR_SPACEPAD, size=16)}),
           "format as a space-padded 16-byte string (MATLAB/Fortran style)")
    either(W("opdims_format_embedded_nul_garbage.h5",
             attrs={"format": A_fixed("opdims-model\0garbage")}),
           "format 'opdims-model\\0garbage' (null-padded type with bytes after the NUL)")
    either(W("opdims_name_invalid_utf8.h5", attrs={"name": A_fixed(b"\xff\xfe\x80bad name")}),
           "name attribute with invalid UTF-8 bytes")
    either(W("opdims_name_100kb_dense_attr_storage.h5", attrs={"name": "n" * 100_000},
             libver="v110"),
           "name attribute of 100 kB (dense attribute storage, superblock v3)")
    ok(W("valid_opdims_libver_latest.h5", libver="latest"),
       "written with libver='latest' (superblock v3, new object headers)")
    either(W("opdims_W_softlink_within_file.h5", arrays={"W": D_softlink("/data/W_real")},
             extra=lambda f: dset(group(f, "data"), "W_real", T.arrays["W"])),
           "/W is a soft link to /data/W_real in the same file")
    either(W("opdims_W_unwritten_chunks_fill_zero.h5",
             arrays={"W": D_chunked_fill((n, n), (10, 10))}),
           "W declared with chunks but never written: all fill value 0")
    either(W("opdims_W_int64.h5", arrays={"W": np.round(T.arrays["W"] * 1000).astype(np.int64)}),
           "W stored as int64")
    either(W("opdims_W_float16.h5", arrays={"W": T.arrays["W"].astype(np.float16)}),
           "W stored as float16")
    ld = T.arrays["W"].astype(np.longdouble)
    if ld.dtype.itemsize == 16:  # x86 80-bit extended: zero the 6 padding bytes
        ld.view(np.uint8).reshape(-1, 16)[:, 10:] = 0
    ok(W("valid_opdims_shuffle_gzip_fletcher32.h5",
         arrays={k: D_data(T.arrays[k], chunks=T.arrays[k].shape, shuffle=True,
                           compression="gzip", fletcher32=True) for k in MODEL_KEYS}),
       "every dataset shuffled, deflated and fletcher32-checksummed")
    ok(W("valid_opdims_b_compact_layout.h5", arrays={"b": D_compact(T.arrays["b"]),
                                                     "b_z": D_compact(T.arrays["b_z"])}),
       "b and b_z in HDF5's compact layout (data inside the object header)")
    either(W("opdims_W_scaleoffset_filter.h5",
             arrays={"W": D_data(T.arrays["W"], chunks=(n, n), scaleoffset=6)}),
           "W stored with the (lossy) scale-offset filter, 6 decimal digits")
    either(W("opdims_W_longdouble.h5", arrays={"W": ld}),
           "W stored as 80-bit long double")

    # --- attributes holding arrays (the bug report) -------------------------------------------
    for k, base in (("dt", T.attrs["dt"]), ("tau", T.attrs["tau"]),
                    ("noise_sigma", T.attrs["noise_sigma"]), ("version", 1)):
        dtype = np.int64 if k == "version" else np.float64
        bad(W(f"opdims_{k}_attr_1000_values.h5", attrs={k: A_array(np.full(1000, base), dtype)}),
            f"attribute {k} holds an array of 1000 values")
        bad(W(f"opdims_{k}_attr_2_values.h5", attrs={k: A_array([base, base], dtype)}),
            f"attribute {k} holds 2 values")
    bad(W("opdims_dt_attr_100000_values.h5", attrs={"dt": A_array(np.full(100_000, 0.001))},
          libver="v110"),
        "attribute dt holds 100000 values (800 kB, dense attribute storage)")
    bad(W("opdims_dt_attr_2d_10x10.h5", attrs={"dt": A_array(np.full((10, 10), 0.001))}),
        "attribute dt is a 10x10 array")
    for k in ("format", "name", "task"):
        v = T.attrs[k]
        bad(W(f"opdims_{k}_attr_fixed_string_array_3.h5",
              attrs={k: A_str_array_fixed([v, v, v])}),
            f"attribute {k} is an array of 3 fixed-length strings")
        bad(W(f"opdims_{k}_attr_vlen_string_array_3.h5", attrs={k: A_str_array_vlen([v, v, v])}),
            f"attribute {k} is an array of 3 variable-length strings")
    bad(W("opdims_format_attr_vlen_string_array_1000.h5",
          attrs={"format": A_str_array_vlen(["opdims-model"] * 1000)}),
        "attribute format is an array of 1000 variable-length strings")
    bad(W("opdims_provenance_attr_fixed_string_array_1000.h5",
          attrs={"provenance": A_str_array_fixed(["p" * 50] * 1000)}),
        "attribute provenance is an array of 1000 fixed strings")
    bad(W("opdims_format_attr_empty_dataspace.h5", attrs={"format": A_empty("S12")}),
        "attribute format has a null dataspace (h5py.Empty)")
    bad(W("opdims_dt_attr_empty_dataspace.h5", attrs={"dt": A_empty("f8")}),
        "attribute dt has a null dataspace (h5py.Empty)")
    bad(W("opdims_version_attr_empty_dataspace.h5", attrs={"version": A_empty("i8")}),
        "attribute version has a null dataspace")
    bad(W("opdims_task_attr_empty_dataspace.h5", attrs={"task": A_empty("S4")}),
        "attribute task has a null dataspace")
    bad(W("opdims_format_attr_int64.h5", attrs={"format": 1}), "attribute format is an integer")
    bad(W("opdims_dt_attr_string.h5", attrs={"dt": "0.001"}), "attribute dt is the string '0.001'")
    bad(W("opdims_dt_attr_vlen_string.h5", attrs={"dt": A_vlen("0.001")}),
        "attribute dt is a variable-length string")
    bad(W("opdims_version_attr_string.h5", attrs={"version": "1"}),
        "attribute version is the string '1'")
    bad(W("opdims_dt_attr_compound.h5",
          attrs={"dt": A_array(np.array((0.001, 2), dtype=[("a", "f8"), ("b", "i4")]))}),
        "attribute dt is a compound value")
    bad(W("opdims_dt_attr_complex.h5", attrs={"dt": A_array(np.complex128(0.001 + 1j))}),
        "attribute dt is complex")
    either(W("opdims_name_attr_int64.h5", attrs={"name": 7}), "attribute name is an integer")
    either(W("opdims_task_attr_unknown_value.h5", attrs={"task": "banana"}),
           "attribute task is 'banana'")
    for k in ("format", "version", "dt", "tau", "noise_sigma"):
        bad(W(f"opdims_missing_attr_{k}.h5", drop=(k,)), f"attribute {k} is missing")
    bad(W("opdims_format_wrong_value.h5", attrs={"format": "opdims-modle"}),
        "format is 'opdims-modle'")
    bad(W("opdims_format_trailing_space.h5", attrs={"format": "opdims-model "}),
        "format is 'opdims-model ' (trailing space)")
    bad(W("opdims_format_empty_string.h5", attrs={"format": ""}), "format is ''")

    # --- constants ------------------------------------------------------------------------------
    dt, tau = T.attrs["dt"], T.attrs["tau"]
    bad(W("opdims_dt_0.h5", attrs={"dt": 0.0}), "dt = 0")
    bad(W("opdims_dt_int64_0.h5", attrs={"dt": 0}), "dt = 0 stored as int64")
    bad(W("opdims_dt_negative.h5", attrs={"dt": -dt}), "dt < 0")
    bad(W("opdims_dt_greater_than_tau.h5", attrs={"dt": tau * 2}), "dt > tau")
    bad(W("opdims_tau_negative.h5", attrs={"tau": -tau}), "tau < 0")
    bad(W("opdims_tau_0.h5", attrs={"tau": 0.0}), "tau = 0")
    bad(W("opdims_dt_nan.h5", attrs={"dt": float("nan")}), "dt = NaN")
    bad(W("opdims_tau_inf.h5", attrs={"tau": float("inf")}), "tau = inf")
    bad(W("opdims_noise_sigma_negative.h5", attrs={"noise_sigma": -0.1}), "noise_sigma < 0")
    bad(W("opdims_noise_sigma_nan.h5", attrs={"noise_sigma": float("nan")}), "noise_sigma = NaN")
    either(W("opdims_dt_1e-12_tiny_alpha.h5", attrs={"dt": 1e-12}),
           "dt = 1e-12 s (alpha = 1e-10: the network barely moves)")
    bad(W("opdims_version_2.h5", attrs={"version": 2}), "version 2")
    bad(W("opdims_version_0.h5", attrs={"version": 0}), "version 0")
    bad(W("opdims_version_-1.h5", attrs={"version": -1}), "version -1")
    bad(W("opdims_version_1e300.h5", attrs={"version": 1e300}), "version 1e300 (float)")
    bad(W("opdims_version_nan.h5", attrs={"version": float("nan")}), "version NaN")
    bad(W("opdims_version_1.5.h5", attrs={"version": 1.5}), "version 1.5")
    bad(W("opdims_version_uint64_max.h5", attrs={"version": A_array(2**64 - 1, np.uint64)}),
        "version 2**64-1 (uint64)")

    # --- datasets: missing, shapes --------------------------------------------------------------
    for k in MODEL_KEYS:
        bad(W(f"opdims_missing_dataset_{k}.h5", drop=(k,)), f"dataset /{k} is missing")
    a = T.arrays
    shapes = {
        "W_100x99": {"W": a["W"][:, :99]},
        "W_99x100": {"W": a["W"][:99, :]},
        "W_99x99": {"W": a["W"][:99, :99]},
        "W_0x0": {"W": np.zeros((0, 0))},
        "W_1d_10000": {"W": a["W"].reshape(-1)},
        "W_3d_100x100x1": {"W": a["W"].reshape(n, n, 1)},
        "W_3d_1x100x100": {"W": a["W"].reshape(1, n, n)},
        "W_scalar": {"W": np.float64(0.5)},
        "W_in_99x5": {"W_in": a["W_in"][:99]},
        "W_in_5x100_transposed": {"W_in": a["W_in"].T},
        "W_in_100x0": {"W_in": np.zeros((n, 0))},
        "W_out_1x99": {"W_out": a["W_out"][:, :99]},
        "W_out_100x1_transposed": {"W_out": a["W_out"].T},
        "W_out_0x100": {"W_out": np.zeros((0, n))},
        "b_99x1": {"b": a["b"][:99]},
        "b_100x2": {"b": np.hstack([a["b"], a["b"]])},
        "b_1x100_row": {"b": a["b"].T},
        "b_z_2x1": {"b_z": np.vstack([a["b_z"], a["b_z"]])},
        "b_z_0x1": {"b_z": np.zeros((0, 1))},
        "x0_99x2": {"x0": a["x0"][:99]},
        "x0_2x100_transposed": {"x0": a["x0"].T},
        "x0_100x0": {"x0": np.zeros((n, 0))},
        "x0_3d_100x2x1": {"x0": a["x0"].reshape(n, 2, 1)},
    }
    for tag, arrs in shapes.items():
        # A network without inputs is consistent on its own; the ctxt task refuses it.
        bad(W(f"opdims_shape_{tag}.h5", arrays=arrs), f"wrong shape: {tag}",
            expect={"info": "either"} if tag == "W_in_100x0" else None)
    bad(W("opdims_x0_100x1_one_state_for_ctxt.h5", arrays={"x0": a["x0"][:, :1]}),
        "x0 has 1 column: a fine network, but ctxt needs 2 initial states",
        expect={"info": "ok"})
    for k, v in (("W", np.nan), ("W_in", np.inf), ("W_out", np.nan), ("b", -np.inf),
                 ("b_z", np.nan), ("x0", np.nan)):
        arr = a[k].copy()
        arr.flat[arr.size // 2] = v
        bad(W(f"opdims_{k}_contains_{'nan' if np.isnan(v) else 'inf'}.h5", arrays={k: arr}),
            f"{k} contains {v}")
    bad(W("opdims_W_all_nan_fill_value.h5",
          arrays={"W": D_chunked_fill((n, n), (n, n), fill=np.nan)}),
        "W never written, fill value NaN")
    either(W("opdims_W_1e306_overflows_in_simulation.h5", arrays={"W": a["W"] * 1e306}),
           "W finite but ~1e306: norms and the simulation overflow to inf/NaN")

    # --- datasets: types, empty, links ----------------------------------------------------------
    for k in ("W", "b_z", "x0", "b"):
        bad(W(f"opdims_{k}_null_dataspace_h5py_Empty.h5", arrays={k: D_empty()}),
            f"/{k} has a null dataspace (h5py.Empty)")
    bad(W("opdims_W_fixed_strings.h5",
          arrays={"W": np.array([[b"1.0"] * n] * n, dtype="S3")}), "/W is a string dataset")
    bad(W("opdims_b_vlen_strings.h5",
          arrays={"b": D_data(np.array([["x"]] * n, dtype=object),
                              dtype=h5py.string_dtype())}), "/b is a vlen string dataset")
    bad(W("opdims_W_compound.h5",
          arrays={"W": np.zeros((n, n), dtype=[("re", "f8"), ("im", "f8")])}),
        "/W is a compound dataset")
    bad(W("opdims_W_complex.h5", arrays={"W": a["W"].astype(np.complex128)}),
        "/W is complex (h5py compound r/i)")
    bad(W("opdims_W_bool_enum.h5", arrays={"W": a["W"] > 0}), "/W is boolean (HDF5 enum)")
    bad(W("opdims_W_opaque.h5", arrays={"W": np.zeros((n, n), dtype="V8")}), "/W is opaque")
    bad(W("opdims_W_is_group.h5", arrays={"W": D_group()}), "/W is a group")
    bad(W("opdims_W_is_named_datatype.h5",
          arrays={"W": lambda f, k: f.__setitem__(k, np.dtype("f8"))}),
        "/W is a committed datatype")
    bad(W("opdims_W_softlink_dangling.h5", arrays={"W": D_softlink("/nowhere")}),
        "/W is a dangling soft link")
    bad(W("opdims_W_softlink_to_itself.h5", arrays={"W": D_softlink("/W")}),
        "/W is a soft link to itself")
    bad(W("opdims_W_softlink_cycle_a_b.h5", arrays={"W": D_softlink("/A")},
          extra=lambda f: (f.__setitem__("A", h5py.SoftLink("/B")),
                           f.__setitem__("B", h5py.SoftLink("/A")))),
        "/W -> /A -> /B -> /A soft-link cycle")
    either(W("opdims_x0_softlink_to_W.h5", arrays={"x0": D_softlink("/W")}),
           "/x0 is a soft link to /W (100 initial states: consistent, if odd)")
    bad(W("opdims_W_external_link_to_corpus_file.h5",
          arrays={"W": D_extlink("ref_ctxt_model.h5", "/W")}),
        "/W is an external link into another file (ref_ctxt_model.h5): must not be followed")
    bad(W("opdims_W_external_link_missing_file.h5",
          arrays={"W": D_extlink("/nonexistent/opdims_corpus.h5", "/W")}),
        "/W is an external link to a missing file")
    bad(W("opdims_W_external_link_etc_passwd.h5", arrays={"W": D_extlink("/etc/passwd", "/W")}),
        "/W is an external link to /etc/passwd")
    bad(W("opdims_W_external_link_to_itself.h5",
          arrays={"W": D_extlink("opdims_W_external_link_to_itself.h5", "/W")}),
        "/W is an external link to the same file and path")
    bad(W("opdims_W_external_link_dev_zero.h5", arrays={"W": D_extlink("/dev/zero", "/W")}),
        "/W is an external link to /dev/zero")
    bad(W("opdims_b_external_storage_etc_passwd.h5",
          arrays={"b": D_external((n, 1), [("/etc/passwd", 0, 8 * n)])}),
        "/b raw data lives in /etc/passwd (HDF5 external storage)")
    bad(W("opdims_b_z_external_storage_etc_hostname.h5",
          arrays={"b_z": D_external((1, 1), [("/etc/hostname", 0, 8)])}),
        "/b_z raw data lives in /etc/hostname")
    bad(W("opdims_W_external_storage_dev_zero.h5",
          arrays={"W": D_external((n, n), [("/dev/zero", 0, 8 * n * n)])}),
        "/W raw data lives in /dev/zero")
    bad(W("opdims_W_external_storage_dev_urandom.h5",
          arrays={"W": D_external((n, n), [("/dev/urandom", 0, 8 * n * n)])}),
        "/W raw data lives in /dev/urandom")
    bad(W("opdims_x0_external_storage_dev_stdin.h5",
          arrays={"x0": D_external((n, 2), [("/dev/stdin", 0, 16 * n)])}),
        "/x0 raw data lives in /dev/stdin")
    bad(W("opdims_W_external_storage_missing_relative.h5",
          arrays={"W": D_external((n, n), [("missing_external_raw.bin", 0, 8 * n * n)])}),
        "/W raw data lives in a missing relative file")
    bad(W("opdims_b_external_storage_proc_self_environ.h5",
          arrays={"b": D_external((n, 1), [("/proc/self/environ", 0, 8 * n)])}),
        "/b raw data lives in /proc/self/environ")
    bad(W("opdims_W_virtual_dataset_from_corpus_file.h5",
          arrays={"W": D_virtual((n, n), "ref_ctxt_model.h5", "W")}),
        "/W is a virtual dataset mapping ref_ctxt_model.h5's /W (data in another file)")
    bad(W("opdims_W_virtual_dataset_missing_source.h5",
          arrays={"W": D_virtual((n, n), "/nonexistent/source.h5", "W")}),
        "/W is a virtual dataset whose source file is missing (reads as fill value 0)")
    # Memory bombs: the loader is what they attack, so load-only and load-and-simulate suffice
    # (while the bug is open each run takes ~15 s).
    C.add(W("opdims_W_double_deflate_chunk_bomb_1.2GB.h5",
            arrays={"W": D_double_deflate_bomb((n, n), 72 << 24)}), K, False,
          "/W (one 100x100 chunk, filters deflate+deflate) inflates to 1.2 GB of zeros: "
          "HDF5's deflate filter grows its buffer without limit", LOADER_CMDS)
    C.add(W("opdims_b_z_double_deflate_chunk_bomb_1.2GB.h5",
            arrays={"b_z": D_double_deflate_bomb((1, 1), 72 << 24)}), K, False,
          "/b_z (1x1, deflate twice) inflates to 1.2 GB of zeros", LOADER_CMDS)
    bad(W("opdims_W_lzf_filter.h5",
          arrays={"W": D_data(a["W"], chunks=(n, n), compression="lzf")}),
        "/W compressed with LZF (an h5py filter the HDF5 C library does not have)")
    def corrupt_fletcher(f, k):
        dset(f, k, a["W"], chunks=(n, n), fletcher32=True)
    bad(W("opdims_W_fletcher32_ok_but_data_flipped.h5", arrays={"W": corrupt_fletcher}),
        "/W has a fletcher32 checksum and one data byte flipped (flipped below)")
    # (the flip is applied after writing)
    p = C.out / "opdims_W_fletcher32_ok_but_data_flipped.h5"
    with h5py.File(p, "r") as f:
        off = f["W"].id.get_chunk_info(0).byte_offset
    data = bytearray(p.read_bytes())
    data[off + 1000] ^= 0x10
    p.write_bytes(bytes(data))

    # --- huge declarations ---------------------------------------------------------------------
    bad(W("opdims_W_declared_100000x100000_chunked_fill.h5",
          arrays={"W": D_chunked_fill((100_000, 100_000), (1000, 1000))}),
        "/W declared 100000x100000 (80 GB) through chunks that were never written")
    bad(W("opdims_W_declared_2e9x2e9_chunked_fill.h5",
          arrays={"W": D_chunked_fill((2_000_000_000, 2_000_000_000), (1, 1000))}),
        "/W declared 2e9 x 2e9 (rows*cols overflows int64 bytes)")
    bad(W("opdims_W_in_declared_2pow62x4.h5",
          arrays={"W_in": D_chunked_fill((2**62, 4), (1, 4))}),
        "/W_in declared 2**62 x 4")
    bad(W("opdims_W_in_declared_100x4000000000.h5",
          arrays={"W_in": D_chunked_fill((n, 4_000_000_000), (1, 100_000))}),
        "/W_in declared 100 x 4e9")
    bad(W("opdims_x0_100x4000000_compressed_zeros.h5",
          arrays={"x0": D_chunked_fill((n, 4_000_000), (n, 40_000))}),
        "/x0 100 x 4000000 (3.2 GB of zeros, chunked): too large to load in 1 GB")
    big = 12_000

    def big_W(f, k):
        d = f.create_dataset(k, shape=(big, big), dtype="f8", chunks=(1000, 1000),
                             compression="gzip", compression_opts=9, fillvalue=0.0,
                             track_times=False)
        blk = np.eye(1000) * 0.01
        for i in range(0, big, 1000):
            d[i:i + 1000, i:i + 1000] = blk

    def block_W(size, block=256):
        def make(f, k):
            d = f.create_dataset(k, shape=(size, size), dtype="f8", chunks=(block, block),
                                 compression="gzip", compression_opts=9, fillvalue=0.0,
                                 track_times=False)
            for i in range(0, size, block):
                j = min(size, i + block)
                d[i:j, i:j] = np.eye(j - i) * 0.5
        return make

    def consistent(size):
        return {"W": block_W(size), "W_in": np.full((size, 5), 0.01),
                "W_out": np.full((1, size), 0.01), "b": np.zeros((size, 1)),
                "b_z": np.zeros((1, 1)), "x0": np.zeros((size, 2))}

    # Simulating 2048 units takes about a minute: only info (load, eigenvalues, SVD).
    C.add(W("opdims_2048_units_block_diagonal.h5", arrays=consistent(2048)), K, "either",
          "a consistent 2048-unit network (block-diagonal W, compressed)", ["info"])
    C.add(W("opdims_2049_units_block_diagonal.h5", arrays=consistent(2049)), K, "either",
          "a consistent 2049-unit network (block-diagonal W, compressed)", ["info"])
    bad(W("opdims_12000_units_consistent_compressed.h5",
          arrays={"W": big_W, "W_in": D_chunked_fill((big, 5), (big, 5)),
                  "W_out": D_chunked_fill((1, big), (1, big)),
                  "b": D_chunked_fill((big, 1), (big, 1)), "b_z": np.zeros((1, 1)),
                  "x0": D_chunked_fill((big, 2), (big, 2))}),
        "a consistent 12000-unit network (W alone 1.15 GB in memory) stored compressed: "
        "must be refused before allocating more than 1 GB")

    # --- truncations, garbage, bit flips ---------------------------------------------------------
    gen_hdf5_damage(C, K, C.out / "ref_ctxt_model.h5", "opdims", LOADER_CMDS)
    gen_hdf5_damage(C, K, C.out / "valid_opdims_contiguous_uncompressed.h5", "opdims_contig",
                    LOADER_CMDS, truncations=False, flips=12, multi=2)
    rng = np.random.default_rng(20240601)
    for size in (8, 100, 4096, 60000):
        name = f"opdims_random_bytes_hdf5_signature_{size}.h5"
        C.write_bytes(name, b"\x89HDF\r\n\x1a\n" + rng.bytes(size))
        C.add(name, K, False, f"HDF5 signature followed by {size} random bytes", LOADER_CMDS)
    C.write_bytes("opdims_empty_file_0_bytes.h5", b"")
    bad("opdims_empty_file_0_bytes.h5", "empty file")
    C.write_bytes("opdims_text_file.h5", b"this is not an HDF5 file\n" * 10)
    bad("opdims_text_file.h5", "a text file named .h5")
    C.write_bytes("opdims_hdf5_signature_only.h5", b"\x89HDF\r\n\x1a\n")
    bad("opdims_hdf5_signature_only.h5", "only the 8-byte HDF5 signature")
    ub = C.path("opdims_userblock_512.h5")
    with h5file(ub, userblock=512) as f:
        for k in ATTR_ORDER:
            attr_any(f, k, T.attrs[k])
        for k in MODEL_KEYS:
            dset(f, k, T.arrays[k], compress=True)
    either("opdims_userblock_512.h5", "a valid model behind a 512-byte user block")
    with h5file(C.path("opdims_empty_hdf5.h5")):
        pass
    bad("opdims_empty_hdf5.h5", "a valid HDF5 file with nothing in it")


def hdf5_metadata_offsets(path):
    """Byte offsets of the file that are not raw dataset data (object headers, heaps, B-trees)."""
    size = path.stat().st_size
    used = np.zeros(size, dtype=bool)

    def visit(name, obj):
        if isinstance(obj, h5py.Dataset):
            try:
                off = obj.id.get_offset()
                if off is not None:
                    used[off:off + obj.id.get_storage_size()] = True
                    return
                for i in range(obj.id.get_num_chunks()):
                    ci = obj.id.get_chunk_info(i)
                    used[ci.byte_offset:ci.byte_offset + ci.size] = True
            except Exception:
                pass

    with h5py.File(path, "r") as f:
        f.visititems(visit)
    return np.flatnonzero(~used)


def gen_hdf5_damage(C, kind, src: Path, prefix, cmds, truncations=True, flips=24, seed=7,
                    multi=3):
    data = src.read_bytes()
    size = len(data)
    if truncations:
        for cut in sorted({1, 8, 48, 96, 300, 800, 2048, 4096, size // 4, size // 2,
                           size - 4096, size - 100, size - 1}):
            name = f"{prefix}_truncated_at_{cut}_of_{size}.h5"
            C.write_bytes(name, data[:cut])
            C.add(name, kind, False, f"{src.name} cut to {cut} of {size} bytes", cmds)
    meta = hdf5_metadata_offsets(src)
    rng = np.random.default_rng(seed)
    # Half of the flips in the first 2 kB (superblock, root group), half anywhere in metadata.
    early = meta[meta < 2048]
    picks = sorted(set(rng.choice(early, flips // 2, replace=False).tolist()) |
                   set(rng.choice(meta, flips - flips // 2, replace=False).tolist()))
    for i, off in enumerate(picks):
        bit = int(rng.integers(8))
        d = bytearray(data)
        d[off] ^= 1 << bit
        name = f"{prefix}_bitflip_metadata_byte{off}_bit{bit}.h5"
        C.write_bytes(name, bytes(d))
        C.add(name, kind, "either", f"{src.name} with bit {bit} of metadata byte {off} flipped",
              cmds)
    for j in range(multi):
        d = bytearray(data)
        offs = sorted(rng.choice(meta, 16, replace=False).tolist())
        for off in offs:
            d[off] ^= 1 << int(rng.integers(8))
        name = f"{prefix}_16_bitflips_metadata_set{j}.h5"
        C.write_bytes(name, bytes(d))
        C.add(name, kind, "either", f"{src.name} with 16 metadata bits flipped", cmds)
    if truncations:
        # Targeted superblock (version 0) corruptions.
        def patch(tag, at, fmt, value, what, valid=False):
            d = bytearray(data)
            struct.pack_into(fmt, d, at, value)
            name = f"{prefix}_superblock_{tag}.h5"
            C.write_bytes(name, bytes(d))
            C.add(name, kind, valid, what, cmds)
        patch("eof_addr_2pow62", 40, "<Q", 2**62, "superblock end-of-file address 2**62")
        patch("eof_addr_small_200", 40, "<Q", 200, "superblock end-of-file address 200",
              valid="either")
        patch("sizeof_offsets_2", 13, "<B", 2, "superblock: size of offsets 2")
        patch("sizeof_offsets_255", 13, "<B", 255, "superblock: size of offsets 255")
        patch("sizeof_lengths_0", 14, "<B", 0, "superblock: size of lengths 0")
        patch("group_leaf_k_0", 16, "<H", 0, "superblock: group leaf node K = 0",
              valid="either")
        patch("group_internal_k_0", 18, "<H", 0, "superblock: group internal node K = 0",
              valid="either")
        patch("root_header_addr_beyond_eof", 64, "<Q", 2**40,
              "root group object header address 2**40")
        patch("root_header_addr_0", 64, "<Q", 0, "root group object header address 0")
        patch("root_btree_addr_garbage", 80, "<Q", 2**33 + 7,
              "root symbol-table scratch B-tree address garbage", valid="either")
        patch("root_heap_addr_garbage", 88, "<Q", 2**33 + 7,
              "root symbol-table scratch heap address garbage", valid="either")
        patch("version_9", 8, "<B", 9, "superblock version 9")


def gen_authors(C: Corpus, T: Template):
    K = "authors-h5"
    n = T.n
    bad = lambda name, what, expect=None: C.add(name, K, False, what, MODEL_CMDS, expect)
    either = lambda name, what: C.add(name, K, "either", what, MODEL_CMDS)
    ok = lambda name, what: C.add(name, K, True, what, MODEL_CMDS)

    def W(name, **kw):
        write_authors(C.path(name), T, **kw)
        return name

    ok(W("valid_authors_ctxt_2nets.h5", nets=("NetNr1", "NetNr2")),
       "valid authors' layout, 2 networks, final and init")
    ok(W("valid_authors_ctxt_1net_final_only.h5", groups=("final",)),
       "valid authors' layout, NetNr1/final only")
    ok(W("valid_authors_netnr1_plus_netnrabc.h5", nets=("NetNr1",),
         extra=lambda f: group(f, "NetNrabc/final")),
       "NetNr1 plus a group NetNrabc (not a network number): net 1 must load")
    ok(W("valid_authors_netnr1_plus_netnr_20digits.h5", nets=("NetNr1",),
         extra=lambda f: group(f, "NetNr99999999999999999999/final")),
       "NetNr1 plus NetNr99999999999999999999 (does not fit an int): net 1 must load")
    ok(W("valid_authors_netnr1_plus_netnr2147483648.h5", nets=("NetNr1",),
         extra=lambda f: group(f, "NetNr2147483648/final")),
       "NetNr1 plus NetNr2147483648 (INT_MAX + 1): net 1 must load")
    ok(W("valid_authors_netnr1_plus_dataset_netnr7.h5", nets=("NetNr1",),
         extra=lambda f: dset(f, "NetNr7", np.zeros(3))),
       "NetNr1 plus a dataset named NetNr7: net 1 must load")
    either(W("authors_netnr1_is_softlink_to_netnr2.h5", nets=("NetNr2",),
             extra=lambda f: f.__setitem__("NetNr1", h5py.SoftLink("/NetNr2"))),
           "/NetNr1 is a soft link to /NetNr2")
    for weird in ("NetNr", "NetNrabc", "NetNr99999999999999999999", "NetNr-1", "NetNr01",
                  "NetNr 1", "NetNr+1", "NetNr2147483648", "NetNr1.0"):
        safe = weird.replace(" ", "_space_").replace("+", "plus").replace(".", "dot")
        bad(W(f"authors_only_group_{safe}.h5", nets=(weird,)),
            f"the only network group is {weird!r} (no /NetNr1)")
    bad(W("authors_netnr1_is_dataset.h5", nets=("NetNr2",),
          extra=lambda f: dset(f, "NetNr1", np.zeros((3, 3)))), "/NetNr1 is a dataset")
    bad(W("authors_final_is_dataset.h5", drop={("NetNr1", "final")},
          extra=lambda f: dset(f["NetNr1"], "final", np.zeros((3, 3)))),
        "/NetNr1/final is a dataset")
    bad(W("authors_missing_final_group.h5", drop={("NetNr1", "final")}),
        "/NetNr1 has only init")
    for ds in AUTHORS_NAMES.values():
        bad(W(f"authors_missing_{ds}.h5", drop={("NetNr1", "final", ds)}),
            f"/NetNr1/final/{ds} is missing")
    A = authors_arrays(T)
    wrong = {
        "n_Wrr_n_100x99": ("n_Wrr_n", A["n_Wrr_n"][:, :99]),
        "n_Wrr_n_0x0": ("n_Wrr_n", np.zeros((0, 0))),
        "n_Wrr_n_3d": ("n_Wrr_n", A["n_Wrr_n"].reshape(n, n, 1)),
        "n_Wrr_n_1d": ("n_Wrr_n", A["n_Wrr_n"].reshape(-1)),
        "n_Wru_v_5x99": ("n_Wru_v", A["n_Wru_v"][:, :99]),
        "n_Wru_v_100x5_not_transposed": ("n_Wru_v", A["n_Wru_v"].T),
        "m_Wzr_n_99x1": ("m_Wzr_n", A["m_Wzr_n"][:99]),
        "m_Wzr_n_1x100_not_transposed": ("m_Wzr_n", A["m_Wzr_n"].T),
        "m_Wzr_n_100x0": ("m_Wzr_n", np.zeros((n, 0))),
        "n_x0_c_2x99": ("n_x0_c", A["n_x0_c"][:, :99]),
        "n_x0_c_100x2_not_transposed": ("n_x0_c", A["n_x0_c"].T),
        "n_bx_1_2x100": ("n_bx_1", np.vstack([A["n_bx_1"]] * 2)),
        "n_bx_1_100x1_not_transposed": ("n_bx_1", A["n_bx_1"].T),
        "m_bz_1_1x2": ("m_bz_1", np.zeros((1, 2))),
        "m_bz_1_scalar": ("m_bz_1", np.float64(0.0)),
    }
    for tag, (ds, v) in wrong.items():
        bad(W(f"authors_shape_{tag}.h5", override={("NetNr1", "final", ds): v}),
            f"wrong shape: {tag}")
    for ds, v in (("n_Wrr_n", np.nan), ("n_Wru_v", np.inf), ("m_bz_1", np.nan),
                  ("n_x0_c", -np.inf)):
        arr = A[ds].copy()
        arr.flat[arr.size // 2] = v
        bad(W(f"authors_{ds}_contains_{'nan' if np.isnan(v) else 'inf'}.h5",
              override={("NetNr1", "final", ds): arr}), f"{ds} contains {v}")
    bad(W("authors_n_Wrr_n_string_dataset.h5",
          override={("NetNr1", "final", "n_Wrr_n"): np.array([[b"x"] * n] * n)}),
        "n_Wrr_n is a string dataset")
    bad(W("authors_m_bz_1_null_dataspace.h5",
          override={("NetNr1", "final", "m_bz_1"): D_empty()}), "m_bz_1 has a null dataspace")
    bad(W("authors_n_Wrr_n_declared_100000x100000.h5",
          override={("NetNr1", "final", "n_Wrr_n"): D_chunked_fill((100_000, 100_000),
                                                                   (1000, 1000))}),
        "n_Wrr_n declared 100000x100000 (80 GB) with unwritten chunks")
    bad(W("authors_n_x0_c_declared_4000000x100.h5",
          override={("NetNr1", "final", "n_x0_c"): D_chunked_fill((4_000_000, n), (40_000, n))}),
        "n_x0_c declared 4000000x100 (3.2 GB): x0 with 4 million initial states")
    bad(W("authors_n_Wru_v_declared_2pow40x100.h5",
          override={("NetNr1", "final", "n_Wru_v"): D_chunked_fill((2**40, n), (1, n))}),
        "n_Wru_v declared 2**40 x 100")
    C.add(W("authors_n_Wrr_n_double_deflate_chunk_bomb_1.2GB.h5",
            override={("NetNr1", "final", "n_Wrr_n"): D_double_deflate_bomb((n, n), 72 << 24)}),
          K, False, "n_Wrr_n (deflate twice) inflates to 1.2 GB of zeros", LOADER_CMDS)
    bad(W("authors_n_bx_1_external_storage_etc_passwd.h5",
          override={("NetNr1", "final", "n_bx_1"): D_external((1, n),
                                                              [("/etc/passwd", 0, 8 * n)])}),
        "n_bx_1 raw data lives in /etc/passwd")
    bad(W("authors_n_Wrr_n_external_storage_dev_zero.h5",
          override={("NetNr1", "final", "n_Wrr_n"): D_external((n, n),
                                                               [("/dev/zero", 0, 8 * n * n)])}),
        "n_Wrr_n raw data lives in /dev/zero")
    bad(W("authors_final_external_link_to_corpus_file.h5", drop={("NetNr1", "final")},
          extra=lambda f: f["NetNr1"].__setitem__(
              "final", h5py.ExternalLink("valid_authors_ctxt_2nets.h5", "/NetNr1/final"))),
        "/NetNr1/final is an external link into another file")
    bad(W("authors_n_Wrr_n_softlink_dangling.h5",
          override={("NetNr1", "final", "n_Wrr_n"): D_softlink("/nowhere")}),
        "n_Wrr_n is a dangling soft link")
    bad(W("authors_n_x0_c_softlink_to_n_Wrr_n.h5",
          override={("NetNr1", "final", "n_x0_c"): D_softlink("/NetNr1/final/n_Wrr_n")}),
        "n_x0_c is a soft link to n_Wrr_n (100x100 initial states: a consistent but wrong "
        "network)")
    C.entries[-1]["valid"] = "either"  # 100 initial states are a consistent shape
    gen_hdf5_damage(C, K, C.out / "valid_authors_ctxt_1net_final_only.h5", "authors", LOADER_CMDS,
                    flips=8, seed=11)


def gen_npz(C: Corpus, T: Template):
    K = "npz"
    bad = lambda name, what, expect=None: C.add(name, K, False, what, MODEL_CMDS, expect)
    either = lambda name, what: C.add(name, K, "either", what, MODEL_CMDS)
    ok = lambda name, what: C.add(name, K, True, what, MODEL_CMDS)
    a = T.arrays
    n = T.n

    def Z(name, members=None, **kw):
        C.write_bytes(name, build_zip(members if members is not None else model_members(T),
                                      **kw))
        return name

    # --- valid ----------------------------------------------------------------------------------
    for fn, tag in ((np.savez, "np_savez"), (np.savez_compressed, "np_savez_compressed")):
        buf = io.BytesIO()
        fn(buf, **a)
        C.write_bytes(f"valid_npz_{tag}.npz", zero_zip_times(buf.getvalue()))
        ok(f"valid_npz_{tag}.npz", f"written by numpy.{fn.__name__} (zip64 extra fields)")
    ok(Z("valid_npz_stored.npz", model_members(T, method=0)), "stored (uncompressed) members")
    ok(Z("valid_npz_deflated.npz"), "deflated members")
    ok(Z("valid_npz_float32.npz",
         model_members(T, arrays={k: a[k].astype(np.float32) for k in MODEL_KEYS})),
       "float32 arrays")
    ok(Z("valid_npz_fortran_order.npz",
         model_members(T, arrays={k: np.asfortranarray(a[k]) for k in MODEL_KEYS})),
       "Fortran-ordered arrays")
    ok(Z("valid_npz_1d_vectors.npz",
         model_members(T, arrays={"b": a["b"].reshape(-1), "b_z": a["b_z"].reshape(-1)})),
       "b and b_z 1-D")
    ok(Z("valid_npz_with_scalars.npz",
         model_members(T, arrays={"dt": np.float64(T.attrs["dt"]),
                                  "tau": np.float64(T.attrs["tau"]),
                                  "noise_sigma": np.float64(0.05)})),
       "optional scalars dt, tau, noise_sigma")
    ok(Z("valid_npz_npy_version_2.npz",
         [Member(k + ".npy", npy(a[k], version=(2, 0))) for k in MODEL_KEYS]),
       ".npy format version 2.0 headers")
    ok(Z("valid_npz_header_keys_reordered.npz",
         model_members(T, arrays={"W": npy_raw(
             "{'shape': (%d, %d), 'fortran_order': False, 'descr': '<f8', }" % (n, n),
             a["W"].tobytes())})),
       "W's header lists shape, fortran_order, descr in another order")
    ok(Z("valid_npz_archive_comment.npz", comment=b"a zip comment"), "zip archive comment")
    C.write_bytes("valid_npz_named_h5.h5", build_zip(model_members(T)))
    ok("valid_npz_named_h5.h5", "an .npz named .h5")
    either(Z("npz_bigendian_f8.npz", model_members(T, arrays={"W": a["W"].astype(">f8")})),
           "W big-endian '>f8'")
    either(Z("npz_W_float16.npz", model_members(T, arrays={"W": a["W"].astype(np.float16)})),
           "W float16")
    either(Z("npz_W_int16.npz",
             model_members(T, arrays={"W": np.round(a["W"] * 100).astype(np.int16)})),
           "W int16")
    either(Z("npz_W_bool.npz", model_members(T, arrays={"W": a["W"] > 0})), "W bool")
    either(Z("npz_member_names_without_npy_suffix.npz",
             [Member(k, npy(a[k])) for k in MODEL_KEYS]), "member names without .npy")
    either(Z("npz_member_names_in_subfolder.npz",
             [Member("sub/" + k + ".npy", npy(a[k])) for k in MODEL_KEYS]),
           "members inside a folder sub/")
    either(Z("npz_prefix_junk_self_extracting.npz", prefix=b"#!/bin/sh\nexit 0\n" * 4),
           "junk before the first member (offsets not adjusted)")
    either(Z("npz_trailing_bytes_in_member.npz",
             model_members(T, arrays={"W": npy(a["W"]) + b"extra"})), "W has trailing bytes")
    either(Z("npz_data_descriptor_flag.npz",
             [Member(k + ".npy", npy(a[k]), flags=0x08) for k in MODEL_KEYS]),
           "general-purpose flag bit 3 (data descriptor) set, sizes present")
    either(Z("npz_extra_unknown_arrays.npz",
             model_members(T, arrays={"junk": np.zeros((3, 3, 3)),
                                      "text": np.array(["a", "b"])})),
           "extra arrays (3-D and unicode) besides the model's")

    # --- model-level problems -------------------------------------------------------------------
    for k in MODEL_KEYS:
        bad(Z(f"npz_missing_{k}.npz", model_members(T, drop=(k,))), f"array {k} missing")
    w = a["W"].copy()
    w[3, 4] = np.nan
    bad(Z("npz_W_contains_nan.npz", model_members(T, arrays={"W": w})), "W contains NaN")
    bad(Z("npz_x0_inf.npz", model_members(T, arrays={"x0": np.full((n, 2), np.inf)})),
        "x0 all inf")
    bad(Z("npz_W_100x99.npz", model_members(T, arrays={"W": a["W"][:, :99]})), "W 100x99")
    bad(Z("npz_W_in_99x5.npz", model_members(T, arrays={"W_in": a["W_in"][:99]})), "W_in 99x5")
    bad(Z("npz_b_100x2.npz", model_members(T, arrays={"b": np.zeros((n, 2))})), "b 100x2")
    bad(Z("npz_x0_1x1.npz", model_members(T, arrays={"x0": np.zeros((1, 1))})), "x0 1x1")
    bad(Z("npz_dt_0.npz", model_members(T, arrays={"dt": np.float64(0)})), "dt = 0")
    bad(Z("npz_dt_1000_values.npz", model_members(T, arrays={"dt": np.full(1000, 0.001)})),
        "dt is an array of 1000 values")
    bad(Z("npz_tau_negative.npz", model_members(T, arrays={"tau": np.float64(-1)})), "tau < 0")
    bad(Z("npz_noise_sigma_nan.npz", model_members(T, arrays={"noise_sigma": np.float64(np.nan)})),
        "noise_sigma NaN")
    bad(Z("npz_W_3d.npz", model_members(T, arrays={"W": a["W"].reshape(n, n, 1)})),
        "W is 3-D (100, 100, 1)")
    bad(Z("npz_W_1d.npz", model_members(T, arrays={"W": a["W"].reshape(-1)})), "W is 1-D")
    bad(Z("npz_W_0d.npz", model_members(T, arrays={"W": np.float64(1)})), "W is 0-d")
    bad(Z("npz_W_0x0.npz", model_members(T, arrays={"W": np.zeros((0, 0))})), "W is 0x0")

    # --- dtypes -----------------------------------------------------------------------------------
    for tag, arr in (("complex128", a["W"].astype(np.complex128)),
                     ("unicode_U5", np.full((n, n), "1.0", dtype="<U5")),
                     ("bytes_S3", np.full((n, n), b"1.0", dtype="S3")),
                     ("datetime64", np.zeros((n, n), dtype="datetime64[s]")),
                     ("void_V8", np.zeros((n, n), dtype="V8")),
                     ("structured", np.zeros((n, n), dtype=[("a", "<f8")]))):
        bad(Z(f"npz_W_dtype_{tag}.npz", model_members(T, arrays={"W": npy(arr)})),
            f"W has dtype {arr.dtype}")
    bad(Z("npz_W_dtype_object_pickle.npz",
          model_members(T, arrays={"W": npy(np.array([[1.0, None]] * n, dtype=object))})),
        "W is an object array (pickle)")
    hdr = lambda descr, shape, fortran="False": npy_raw(
        "{'descr': %s, 'fortran_order': %s, 'shape': %s, }" % (descr, fortran, shape))
    W_body = a["W"].tobytes()
    raw = {
        "negative_shape_-1x5": (hdr("'<f8'", "(-1, 5)") + b"\0" * 40),
        "negative_shape_-1": (hdr("'<f8'", "(-1,)") + b"\0" * 8),
        "negative_shape_100x-100": (hdr("'<f8'", "(100, -100)") + W_body),
        "shape_100000x100000_little_data": (hdr("'<f8'", "(100000, 100000)") + W_body),
        "shape_2pow62x4_overflow": (hdr("'<f8'", "(%d, 4)" % 2**62) + W_body),
        "shape_2pow32x2pow32_overflow": (hdr("'<f8'", "(%d, %d)" % (2**32, 2**32)) + W_body),
        "shape_2pow63x2_overflow": (hdr("'<f8'", "(%d, 2)" % 2**63) + W_body),
        "shape_2pow61x1_times_itemsize_overflow": (hdr("'<f8'", "(%d, 1)" % 2**61) + W_body),
        "shape_2pow64": (hdr("'<f8'", "(%d, 1)" % 2**64) + W_body),
        "shape_30_digits": (hdr("'<f8'", "(%s, 1)" % ("9" * 30)) + W_body),
        "shape_100x100x0_3d_empty": (hdr("'<f8'", "(100, 100, 0)")),
        "shape_not_numbers": (hdr("'<f8'", "(a, b)") + W_body),
        "shape_list_brackets": (hdr("'<f8'", "[100, 100]") + W_body),
        "shape_unclosed_paren": (npy_raw("{'descr': '<f8', 'fortran_order': False, "
                                         "'shape': (100, 100") + W_body),
        "no_descr": (npy_raw("{'fortran_order': False, 'shape': (100, 100), }") + W_body),
        "no_shape": (npy_raw("{'descr': '<f8', 'fortran_order': False, }") + W_body),
        "no_fortran_order": (npy_raw("{'descr': '<f8', 'shape': (100, 100), }") + W_body),
        "empty_header_dict": (npy_raw("{}") + W_body),
        "header_not_a_dict": (npy_raw("hello") + W_body),
        "descr_unquoted": (hdr("<f8", "(100, 100)") + W_body),
        "descr_empty": (hdr("''", "(100, 100)") + W_body),
        "descr_only_quote": (npy_raw("{'descr': '") + W_body),
        "fortran_order_maybe": (hdr("'<f8'", "(100, 100)", "Maybe") + W_body),
        "header_len_beyond_member": (b"\x93NUMPY\x01\x00\xff\xff{'descr': '<f8'"),
        "header_v2_len_4GB": (b"\x93NUMPY\x02\x00\xff\xff\xff\xff{'descr'" + b" " * 20),
        "npy_version_9": (npy_raw("{'descr': '<f8', 'fortran_order': False, "
                                  "'shape': (100, 100), }", W_body, major=9)),
        "bad_magic": (npy_raw("{'descr': '<f8', 'fortran_order': False, "
                              "'shape': (100, 100), }", W_body, magic=b"\x93NUMPZ")),
        "truncated_data": (npy(a["W"])[:4000]),
        "only_magic": (b"\x93NUMPY"),
        "zero_bytes": (b""),
    }
    for tag, data in raw.items():
        bad(Z(f"npz_W_npy_{tag}.npz", model_members(T, arrays={"W": data})),
            f"W.npy: {tag.replace('_', ' ')}")
    either(Z("npz_W_npy_header_65535_bytes.npz",
             model_members(T, arrays={"W": npy_raw(
                 "{'descr': '<f8', 'fortran_order': False, 'shape': (100, 100), }"
                 + " " * 65000, W_body)})),
           "W.npy header padded to ~65 kB")

    # --- zip-level problems -----------------------------------------------------------------------
    ms = model_members(T)
    m0 = model_members(T)
    m0[0].crc = 0x12345678
    bad(Z("npz_wrong_crc_W.npz", m0), "W member has a wrong CRC-32 (data intact)")
    m0 = model_members(T, method=0)
    m0[0].crc = (zlib.crc32(m0[0].data) ^ 1) & 0xFFFFFFFF
    bad(Z("npz_wrong_crc_stored_W.npz", m0), "stored W member, CRC off by one bit")
    m0 = model_members(T, method=0)
    data = bytearray(m0[0].data)
    data[500] ^= 0x04
    m0[0].compressed = bytes(data)  # stored bytes differ from the CRC'd data
    bad(Z("npz_stored_W_data_bitflip_crc_mismatch.npz", m0),
        "stored W member with one data bit flipped (CRC no longer matches)")
    dup = model_members(T) + [Member("W.npy", npy(a["W"] * 2))]
    bad(Z("npz_duplicate_member_W.npz", dup), "two members named W.npy (different data)")
    dup = model_members(T) + [Member("W.npy", npy(a["W"]))]
    either(Z("npz_duplicate_member_W_identical.npz", dup), "two identical members named W.npy")
    enc = model_members(T, method=0)
    for m in enc:
        m.flags = 0x01
    bad(Z("npz_encrypted_flag_all_members.npz", enc),
        "every member has the 'encrypted' flag (data actually plain)")
    enc = model_members(T)
    enc[0].flags = 0x41
    bad(Z("npz_strong_encryption_flag_W.npz", enc), "W has the strong-encryption flags")
    bad(Z("npz_empty_archive.npz", []), "an empty zip archive")
    C.write_bytes("npz_not_a_zip_pk_signature.npz", b"PK\x03\x04" + b"\0" * 200)
    bad("npz_not_a_zip_pk_signature.npz", "PK signature then zeros")
    C.write_bytes("npz_pk_signature_only.npz", b"PK\x03\x04")
    bad("npz_pk_signature_only.npz", "just the 4-byte PK signature")
    C.write_bytes("npz_eocd_only_22_bytes.npz",
                  b"PK\x03\x04" + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, 46, 0, 0))
    bad("npz_eocd_only_22_bytes.npz", "PK signature and an end record claiming one entry")
    full = build_zip(model_members(T))
    for cut in (10, 22, 100, 1000, len(full) // 2, len(full) - 23, len(full) - 1):
        name = f"npz_truncated_at_{cut}_of_{len(full)}.npz"
        C.write_bytes(name, full[:cut])
        bad(name, f"valid archive cut to {cut} bytes")
    # Central-directory lies.
    for tag, kw, what in (
            ("eocd_entries_65535", {"eocd": {"entries": 65535}}, "end record claims 65535 entries"),
            ("eocd_cd_offset_beyond_eof", {"eocd": {"cd_offset": 0xFFFFFF00}},
             "central directory offset beyond EOF"),
            ("eocd_cd_offset_0", {"eocd": {"cd_offset": 0}}, "central directory offset 0"),
            ("eocd_cd_offset_near_2pow32", {"eocd": {"cd_offset": 0xFFFFFFF0}},
             "central directory offset 0xFFFFFFF0")):
        bad(Z(f"npz_{tag}.npz", **kw), what)

    def lie(tag, what, idx=0, central_only=False, **attrs):
        """A lie about W's member, told consistently by the central and the local header
        (unless central_only): a reader that cross-checks the two must still be careful."""
        mm = model_members(T)
        for k, v in attrs.items():
            field = {"offset": "offset_override", "name_len": "name_len_override"}.get(k, k)
            assert hasattr(mm[idx], field), k
            setattr(mm[idx], field, v)
            if not central_only and k in ("usize", "csize"):
                setattr(mm[idx], "local_" + k, v)
            if not central_only and k == "zip64" and ("usize" in v or "csize" in v):
                mm[idx].zip64_local = {x: v[x] for x in ("usize", "csize") if x in v}
        bad(Z(f"npz_{tag}.npz", mm), what)

    lie("local_offset_beyond_eof", "W's local header offset 0xFFFFFF00", offset=0xFFFFFF00)
    lie("local_offset_points_into_data", "W's local header offset points into data", offset=300)
    lie("csize_larger_than_file", "W's compressed size 0xFFFFFF00", csize=0xFFFFFF00)
    lie("usize_smaller_than_real", "W's uncompressed size 100 (real 80128)", usize=100)
    lie("usize_central_differs_from_local", "W's central uncompressed size 100, local 80128",
        usize=100, central_only=True)
    lie("usize_4GB_non_zip64", "W's uncompressed size 0xFFFFFFFE (4 GB, no zip64)",
        usize=0xFFFFFFFE)
    lie("usize_0", "W's uncompressed size 0", usize=0)
    lie("central_name_len_65535", "W's central name length 65535", name_len=65535)
    lie("zip64_local_offset_2pow64_minus_16",
        "zip64 extra: W's local header offset 2**64-16 (wraps a 'local + 30 > size' check)",
        zip64={"offset": 2**64 - 16})
    lie("zip64_local_offset_2pow63", "zip64 extra: W's local header offset 2**63",
        zip64={"offset": 2**63})
    lie("zip64_csize_2pow64_minus_1",
        "zip64 extra: W's compressed size 2**64-1 (wraps a 'start + csize > size' check)",
        zip64={"csize": 2**64 - 1})
    lie("zip64_csize_2pow64_minus_start",
        "zip64 extra: W's compressed size 2**64-40 (start + csize wraps to a small number)",
        zip64={"csize": 2**64 - 40})
    lie("zip64_usize_2pow64_minus_1", "zip64 extra: W's uncompressed size 2**64-1",
        zip64={"usize": 2**64 - 1})
    lie("zip64_usize_1TB", "zip64 extra: W's uncompressed size 1 TB (2**40)",
        zip64={"usize": 2**40})
    lie("zip64_usize_1TB_csize_1TB_offset_1TB", "zip64 extra: sizes and offset all 1 TB",
        zip64={"usize": 2**40, "csize": 2**40, "offset": 2**40})
    lie("zip64_extra_truncated_field",
        "zip64 markers 0xFFFFFFFF but the zip64 extra field is empty", zip64={})
    # Extra field claiming a length past the central entry.
    mm2 = model_members(T)
    mm2[0].local_extra = struct.pack("<HH", 0x0001, 0xFFFF)
    either(Z("npz_local_extra_len_past_eof.npz", mm2),
           "W's local zip64 extra block claims 65535 bytes of data but holds none")
    mm3 = model_members(T)
    mm3[0].method = 12
    mm3[0].compressed = b"BZh9" + b"\0" * 100
    bad(Z("npz_method_bzip2.npz", mm3), "W compressed with bzip2 (method 12)")
    mm3 = model_members(T)
    mm3[0].method = 14
    mm3[0].compressed = b"\0" * 100
    bad(Z("npz_method_lzma.npz", mm3), "W compressed with LZMA (method 14)")
    mm3 = model_members(T)
    mm3[0].compressed = b"\xff" * 500
    bad(Z("npz_corrupt_deflate_stream.npz", mm3), "W's deflate stream is garbage")
    mm3 = model_members(T)
    mm3[0].compressed = deflate_raw(mm3[0].data)[:-50]
    bad(Z("npz_deflate_stream_cut_short.npz", mm3), "W's deflate stream is cut short")
    mm3 = model_members(T)
    mm3.append(Member("W_in/", b"", method=0))
    either(Z("npz_directory_entry.npz", mm3), "an extra directory entry 'W_in/'")

    # --- memory bombs -----------------------------------------------------------------------------
    def zero_bomb(total, header):
        c = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
        out = [c.compress(header)]
        chunk = bytes(1 << 24)
        left = total - len(header)
        crc = zlib.crc32(header)
        while left > 0:
            k = min(left, len(chunk))
            out.append(c.compress(chunk[:k]))
            crc = zlib.crc32(chunk[:k], crc)
            left -= k
        out.append(c.flush())
        return b"".join(out), crc & 0xFFFFFFFF

    # One deflated W.npy that expands to 1.02 GB: float64 zeros of 11290 x 11290.
    side = 11290
    header = npy_raw("{'descr': '<f8', 'fortran_order': False, 'shape': (%d, %d), }"
                     % (side, side))
    total = len(header) + side * side * 8
    comp, crc = zero_bomb(total, header)
    bomb = model_members(T)
    bomb[0] = Member("W.npy", b"", compressed=comp, crc=crc, usize=total, local_usize=total)
    C.write_bytes("npz_deflate_bomb_W_expands_to_1.02GB.npz", build_zip(bomb))
    bad("npz_deflate_bomb_W_expands_to_1.02GB.npz",
        f"W.npy deflates from {len(comp)} bytes to {total} bytes (zeros, {side}x{side})")
    # Overlapping members: six central entries share one 288 MB local member.
    side = 6000
    header = npy_raw("{'descr': '<f8', 'fortran_order': False, 'shape': (%d, %d), }"
                     % (side, side))
    total = len(header) + side * side * 8
    comp, crc = zero_bomb(total, header)
    m = Member("W.npy", b"", compressed=comp, crc=crc, usize=total, local_usize=total)
    C.write_bytes("npz_overlapping_members_6x288MB.npz",
                  build_zip([m], extra_central=[(0, k + ".npy") for k in MODEL_KEYS[1:]]))
    bad("npz_overlapping_members_6x288MB.npz",
        "six central-directory entries (W, W_in, ...) all point at one 288 MB deflated member")
    # Six honest members of 2**24 float64 zeros each (128 MiB, 4096 x 4096): 768 MiB of arrays
    # from a ~800 kB file; a reader that keeps all of them (and their raw bytes) passes 1 GB.
    side = 4096
    header = npy_raw("{'descr': '<f8', 'fortran_order': False, 'shape': (%d, %d), }"
                     % (side, side))
    total = len(header) + side * side * 8
    comp, crc = zero_bomb(total, header)
    C.write_bytes("npz_six_members_128MiB_zeros_each.npz", build_zip(
        [Member(k + ".npy", b"", compressed=comp, crc=crc, usize=total, local_usize=total)
         for k in MODEL_KEYS]))
    C.add("npz_six_members_128MiB_zeros_each.npz", K, False,
          "W, W_in, W_out, b, b_z, x0 each 4096x4096 float64 zeros (128 MiB, deflated to ~130 kB)",
          LOADER_CMDS)
    m = Member("W.npy", b"", compressed=comp, crc=crc, usize=total, local_usize=total)
    C.write_bytes("npz_overlapping_members_6x128MiB.npz",
                  build_zip([m], extra_central=[(0, k + ".npy") for k in MODEL_KEYS[1:]]))
    bad("npz_overlapping_members_6x128MiB.npz",
        "six central entries share one 128 MiB member (4096x4096 zeros)")
    # Declared size lies: small member that claims 3.5 GB uncompressed (no zip64).
    m = model_members(T)
    m[0].usize = m[0].local_usize = 3_500_000_000
    bad(Z("npz_usize_3.5GB_small_member.npz", m),
        "W (80 kB) declares 3.5 GB uncompressed (a reader that trusts it allocates 3.5 GB)")


def local_locations(task, n, count, seed):
    rng = np.random.default_rng(seed)
    locs = []
    conds = ([(1, 1, 1), (1, -1, 1), (2, 1, -1), (2, -1, -1), (1, 1, -1), (2, 1, 1)]
             if task == "ctxt" else [(j,) for j in (1, 11, 26, 51, 6, 31)])
    for i in range(count):
        t = (1, 100, 700, 1400)[i % 4] if task == "ctxt" else (1, 50, 250, 500)[i % 4]
        c = conds[i % len(conds)]
        q = rng.standard_normal(n)
        q /= np.linalg.norm(q)
        x = rng.standard_normal(n) * 0.3
        locs.append({"t": t, "cond": c, "q": q, "fval": -float(rng.uniform(0.01, 1.0)), "x": x})
    return locs


def local_group_name(task, loc):
    if task == "ctxt":
        c, s1, s2 = loc["cond"]
        return f"opt_dims_t{loc['t']}Ctxt{c}Inps{s1}_{s2}"
    return f"opt_dims_t{loc['t']}Freq{loc['cond'][0]}"


def write_local(path, task, locs, n=100, override=None, names=None):
    """override: {(group_index, dataset): value | callable | None (drop)}; also (gi, '*name')."""
    override = override or {}
    nan = np.nan
    with h5file(path) as f:
        for gi, loc in enumerate(locs):
            name = (names or {}).get(gi) or local_group_name(task, loc)
            g = group(f, name)
            dims = np.full((n, n), nan)
            dims[0, :] = loc["q"]
            fv = np.full((n, 1), nan)
            fv[0, 0] = loc["fval"]
            x = loc["x"]
            sets = {
                "local_op_dims": dims.T,
                "all_fvals": fv.T,
                "sampling_loc": x.reshape(n, 1) if x.size == n else x.reshape(-1, 1),
                "all_trajs_org": np.vstack([x, 0.9 * x]),
                "t_start_point": np.array([[float(loc["t"])]]),
            }
            if task == "ctxt":
                c, s1, s2 = loc["cond"]
                sets.update({"ctxt_id": [[float(c)]], "signCoh1": [[float(s1)]],
                             "signCoh2": [[float(s2)]]})
            else:
                sets["freq_id"] = [[float(loc["cond"][0])]]
            for ds, v in sets.items():
                key = (gi, ds)
                if key in override:
                    v = override[key]
                    if v is None:
                        continue
                if callable(v):
                    v(g, ds)
                else:
                    dset(g, ds, np.asarray(v, dtype=np.float64)
                         if not isinstance(v, np.ndarray) else v, compress=True)


def gen_local(C: Corpus):
    K = "local-dims"
    n = 100
    bad = lambda name, what, cmds=LOCAL_CMDS: C.add(name, K, False, what, cmds)
    either = lambda name, what, cmds=LOCAL_CMDS: C.add(name, K, "either", what, cmds)

    def L(name, task="ctxt", count=6, seed=3, **kw):
        write_local(C.path(name), task, local_locations(task, n, count, seed), n=n, **kw)
        return name

    C.add(L("valid_local_ctxt_6_locations.h5"), K, True,
          "valid local column dimensions, ctxt, 6 locations", LOCAL_CMDS)
    C.add(L("valid_local_swg_6_locations.h5", task="swg"), K, True,
          "valid local column dimensions, swg, 6 locations", LOCAL_CMDS_SWG, task="swg")
    bad(L("local_t_start_point_1e300.h5", override={(0, "t_start_point"): [[1e300]]}),
        "t_start_point = 1e300")
    bad(L("local_t_start_point_-5.h5", override={(0, "t_start_point"): [[-5.0]]}),
        "t_start_point = -5")
    bad(L("local_t_start_point_2pow31.h5", override={(0, "t_start_point"): [[2.0**31]]}),
        "t_start_point = 2**31 (overflows int)")
    bad(L("local_t_start_point_nan.h5", override={(0, "t_start_point"): [[np.nan]]}),
        "t_start_point = NaN")
    bad(L("local_t_start_point_1.5.h5", override={(0, "t_start_point"): [[1.5]]}),
        "t_start_point = 1.5")
    bad(L("local_ctxt_id_7.h5", override={(0, "ctxt_id"): [[7.0]]}), "ctxt_id = 7")
    bad(L("local_ctxt_id_0.h5", override={(0, "ctxt_id"): [[0.0]]}), "ctxt_id = 0")
    bad(L("local_ctxt_id_1.5.h5", override={(0, "ctxt_id"): [[1.5]]}), "ctxt_id = 1.5")
    bad(L("local_signCoh1_3.h5", override={(0, "signCoh1"): [[3.0]]}), "signCoh1 = 3")
    bad(L("local_signCoh2_0.h5", override={(0, "signCoh2"): [[0.0]]}), "signCoh2 = 0")
    bad(L("local_swg_freq_id_0.h5", task="swg", override={(0, "freq_id"): [[0.0]]}),
        "freq_id = 0", LOCAL_CMDS_SWG)
    bad(L("local_swg_freq_id_52.h5", task="swg", override={(0, "freq_id"): [[52.0]]}),
        "freq_id = 52", LOCAL_CMDS_SWG)
    bad(L("local_swg_freq_id_2.5.h5", task="swg", override={(0, "freq_id"): [[2.5]]}),
        "freq_id = 2.5", LOCAL_CMDS_SWG)
    bad(L("local_swg_freq_id_1e300.h5", task="swg", override={(0, "freq_id"): [[1e300]]}),
        "freq_id = 1e300", LOCAL_CMDS_SWG)
    bad(L("local_ctxt_id_array_1000.h5", override={(0, "ctxt_id"): np.ones((1, 1000))}),
        "ctxt_id holds 1000 values")
    either(L("local_group_name_disagrees_with_ids.h5", override={(0, "ctxt_id"): [[2.0]]},
             names={0: "opt_dims_t1Ctxt1Inps1_1"}),
           "group says Ctxt1 but ctxt_id is 2")
    bad(L("local_N_99_in_one_group.h5",
          override={(2, "sampling_loc"): np.zeros((99, 1)),
                    (2, "local_op_dims"): np.full((99, 99), np.nan),
                    (2, "all_fvals"): np.full((1, 99), np.nan)}),
        "one location has 99 units, the others 100")
    bad(_local_n(C, 99), "every location has 99 units (network has 100)")
    bad(L("local_used_dimension_nan.h5",
          override={(1, "local_op_dims"): np.full((n, n), np.nan)}),
        "a dimension with a Delta_f has NaN entries")
    bad(L("local_all_fvals_all_nan.h5", override={
        (i, "all_fvals"): np.full((1, n), np.nan) for i in range(6)}),
        "no location has any dimension (all all_fvals NaN)")
    bad(L("local_all_fvals_inf.h5", override={(0, "all_fvals"): np.full((1, n), -np.inf)}),
        "all_fvals = -inf (Delta_f infinite) for every dimension of one location")
    bad(L("local_op_dims_inf.h5", override={(0, "local_op_dims"): np.full((n, n), np.inf)}),
        "local_op_dims full of inf")
    either(L("local_fvals_positive.h5", override={(0, "all_fvals"): np.full((1, n), 0.5)}),
           "all_fvals positive (negative Delta_f) for every dimension")
    for ds in ("local_op_dims", "all_fvals", "sampling_loc", "t_start_point", "ctxt_id",
               "signCoh1", "signCoh2"):
        bad(L(f"local_missing_{ds}.h5", override={(0, ds): None}), f"dataset {ds} missing")
    bad(L("local_swg_missing_freq_id.h5", task="swg", override={(0, "freq_id"): None}),
        "dataset freq_id missing", LOCAL_CMDS_SWG)
    either(L("local_missing_all_trajs_org.h5", override={(0, "all_trajs_org"): None}),
           "dataset all_trajs_org missing (not needed to read the dimensions)")
    bad(L("local_op_dims_100x99.h5", override={(0, "local_op_dims"): np.zeros((100, 99))}),
        "local_op_dims 100x99")
    bad(L("local_op_dims_3d.h5", override={(0, "local_op_dims"): np.zeros((n, n, 1))}),
        "local_op_dims 3-D")
    bad(L("local_all_fvals_50.h5", override={(0, "all_fvals"): np.full((1, 50), -0.1)}),
        "all_fvals has 50 entries")
    bad(L("local_sampling_loc_1xN.h5", override={(0, "sampling_loc"): np.zeros((1, n))}),
        "sampling_loc stored 1 x N instead of N x 1")
    bad(L("local_sampling_loc_empty.h5", override={(0, "sampling_loc"): D_empty()}),
        "sampling_loc has a null dataspace")
    bad(L("local_sampling_loc_0x1.h5", override={
        (0, "sampling_loc"): np.zeros((0, 1)), (0, "local_op_dims"): np.zeros((0, 0)),
        (0, "all_fvals"): np.zeros((1, 0))}), "a location with 0 units")
    bad(L("local_op_dims_declared_100000x100000.h5",
          override={(0, "local_op_dims"): D_chunked_fill((100_000, 100_000), (1000, 1000))}),
        "local_op_dims declared 100000x100000 (80 GB)")
    bad(L("local_t_start_point_string.h5",
          override={(0, "t_start_point"): np.array([[b"1"]])}), "t_start_point is a string")
    bad(L("local_op_dims_external_dev_zero.h5",
          override={(0, "local_op_dims"): D_external((n, n), [("/dev/zero", 0, 8 * n * n)])}),
        "local_op_dims raw data from /dev/zero")
    # Mixed and unknown groups.
    p = C.path("local_mixed_ctxt_and_swg_groups.h5")
    write_local(p, "ctxt", local_locations("ctxt", n, 3, 5), n=n)
    with h5py.File(p, "a") as f:
        tmp = C.out / ".tmp_swg_local.h5"
        write_local(tmp, "swg", local_locations("swg", n, 2, 6), n=n)
        with h5py.File(tmp, "r") as g:
            for k in g:
                g.copy(k, f)
        tmp.unlink()
    bad("local_mixed_ctxt_and_swg_groups.h5", "ctxt and swg sampling locations in one file")
    bad(L("local_group_name_neither_ctxt_nor_freq.h5", names={0: "opt_dims_t1Banana3"}),
        "a group opt_dims_t1Banana3")
    L("local_extra_unrelated_groups.h5")
    _add_extra_groups(C)
    either("local_extra_unrelated_groups.h5",
           "valid file plus unrelated groups and datasets at the root")
    with h5file(C.path("local_no_groups.h5")) as f:
        dset(f, "something", np.zeros(3))
    bad("local_no_groups.h5", "no opt_dims_t groups")
    L("local_opt_dims_group_is_dataset.h5", count=2)
    _dataset_group(C)
    bad("local_opt_dims_group_is_dataset.h5",
        "besides 2 valid groups, opt_dims_t9Ctxt1Inps1_1 is a dataset, not a group")
    bad(L("local_swg_file_for_ctxt_model.h5", task="swg"),
        "an swg local file used with the ctxt network")
    # The model (ctxt, 100 units) is handed the ctxt commands: a 120-unit ctxt file must fail.
    bad(_local_n(C, 120, name="local_N_120_everywhere.h5"),
        "every location has 120 units (network has 100)")
    gen_hdf5_damage(C, K, C.out / "valid_local_ctxt_6_locations.h5", "local", LOCAL_CMDS,
                    truncations=False, flips=6, seed=13)
    for cut in (2048, 30000):
        src = (C.out / "valid_local_ctxt_6_locations.h5").read_bytes()
        name = f"local_truncated_at_{cut}.h5"
        C.write_bytes(name, src[:cut])
        bad(name, f"valid local file cut to {cut} bytes")


def _local_n(C, n, name="local_N_99_everywhere.h5"):
    write_local(C.path(name), "ctxt", local_locations("ctxt", n, 3, 9), n=n)
    return name


def _add_extra_groups(C):
    name = "local_extra_unrelated_groups.h5"
    with h5py.File(C.out / name, "a") as f:
        group(f, "unrelated/deeper")
        dset(f, "readme", np.array([b"hello"]))
    return name


def _dataset_group(C):
    name = "local_opt_dims_group_is_dataset.h5"
    with h5py.File(C.out / name, "a") as f:
        dset(f, "opt_dims_t9Ctxt1Inps1_1", np.zeros((3, 3)))
    return name


def gen_basis(C: Corpus):
    K = "basis"
    n = 100
    rng = np.random.default_rng(17)
    Q, _ = np.linalg.qr(rng.standard_normal((n, 5)))
    strength = np.array([5.0, 4.0, 3.0, 2.0, 1.0])

    def h5(name, arrays, extra=None):
        with h5file(C.path(name)) as f:
            for k, v in arrays.items():
                if callable(v):
                    v(f, k)
                else:
                    dset(f, k, v)
            if extra:
                extra(f)
        return name

    def nz(name, arrays):
        C.write_bytes(name, build_zip([Member(k + ".npy", npy(v)) for k, v in arrays.items()]))
        return name

    ok = lambda name, what: C.add(name, K, True, what, BASIS_CMDS)
    bad = lambda name, what: C.add(name, K, False, what, BASIS_CMDS)
    either = lambda name, what: C.add(name, K, "either", what, BASIS_CMDS)
    ok(h5("valid_basis_Q_strength.h5", {"Q": Q, "strength": strength}), "valid .h5 basis")
    ok(nz("valid_basis_Q_strength.npz", {"Q": Q, "strength": strength}), "valid .npz basis")
    ok(h5("valid_basis_single_unnamed_dataset.h5", {"basis": Q}), "one dataset, not named Q")
    ok(nz("valid_basis_single_unnamed_array.npz", {"arr_0": Q}), "one array, not named Q")
    ok(nz("valid_basis_Q_float32.npz", {"Q": Q.astype(np.float32).astype(np.float64)}),
       "Q rounded through float32 (still orthonormal to 1e-7)")
    either(h5("basis_strength_wrong_length.h5", {"Q": Q, "strength": np.ones(3)}),
           "strength has 3 values for 5 columns")
    either(h5("basis_strength_nan.h5", {"Q": Q, "strength": np.full(5, np.nan)}),
           "strength all NaN")
    either(h5("basis_full_100_columns.h5", {"Q": np.linalg.qr(rng.standard_normal((n, n)))[0]}),
           "a full 100x100 orthonormal basis")
    bad(h5("basis_not_orthonormal.h5", {"Q": Q * 2}), "columns of norm 2")
    bad(h5("basis_repeated_column.h5", {"Q": np.hstack([Q, Q[:, :1]])}), "a repeated column")
    bad(h5("basis_wrong_N_99.h5", {"Q": Q[:99]}), "99 rows for a 100-unit network")
    bad(h5("basis_transposed_5x100.h5", {"Q": Q.T}), "Q stored K x N (5 x 100)")
    q = Q.copy()
    q[0, 0] = np.nan
    bad(h5("basis_nan.h5", {"Q": q}), "Q contains NaN")
    bad(nz("basis_nan.npz", {"Q": q}), "Q contains NaN (.npz)")
    q = Q.copy()
    q[1, 1] = np.inf
    bad(h5("basis_inf.h5", {"Q": q}), "Q contains inf")
    bad(h5("basis_K_0.h5", {"Q": np.zeros((n, 0))}), "Q is 100 x 0")
    bad(h5("basis_K_101.h5", {"Q": np.hstack([np.eye(n), np.zeros((n, 1))])}), "K = 101 > N")
    bad(h5("basis_huge_K_declared_100x100000000.h5",
           {"Q": D_chunked_fill((n, 100_000_000), (n, 100_000))}), "Q declared 100 x 1e8 (80 GB)")
    bad(h5("basis_huge_K_declared_100x2pow40.h5",
           {"Q": D_chunked_fill((n, 2**40), (n, 1000))}), "Q declared 100 x 2**40")
    bad(h5("basis_Q_3d.h5", {"Q": Q.reshape(n, 5, 1)}), "Q is 3-D")
    bad(h5("basis_Q_is_group.h5", {"Q": D_group()}), "/Q is a group")
    bad(h5("basis_Q_null_dataspace.h5", {"Q": D_empty()}), "/Q has a null dataspace")
    bad(h5("basis_Q_strings.h5", {"Q": np.full((n, 5), b"x")}), "/Q is a string dataset")
    bad(h5("basis_Q_external_dev_zero.h5", {"Q": D_external((n, 5), [("/dev/zero", 0, 8 * n * 5)])}),
        "/Q raw data from /dev/zero (all zeros)")
    bad(h5("basis_no_Q_two_datasets.h5", {"A": Q, "B": Q}), "no Q, two datasets")
    bad(nz("basis_no_Q_two_arrays.npz", {"A": Q, "B": Q}), "no Q, two arrays")
    bad(h5("basis_empty_file.h5", {}), "an HDF5 file with nothing in it")
    bad(nz("basis_Q_dtype_complex.npz", {"Q": Q.astype(np.complex128)}), "Q complex")
    C.write_bytes("basis_npz_truncated.npz",
                  build_zip([Member("Q.npy", npy(Q))])[:1500])
    bad("basis_npz_truncated.npz", "a truncated .npz basis")
    C.write_bytes("basis_Q_npz_negative_shape.npz", build_zip([Member("Q.npy", npy_raw(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (100, -5), }", Q.tobytes()))]))
    bad("basis_Q_npz_negative_shape.npz", "Q.npy shape (100, -5)")
    C.write_bytes("basis_txt_named_h5.h5", b"0.1 0.2 0.3\n" * 50)
    bad("basis_txt_named_h5.h5", "a text file named .h5")


def fp_arrays(n=100, P=3, V=5, seed=23):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((P, n)) * 0.5
    er = np.sort(rng.uniform(-2.0, -0.01, (P, n)), axis=1)[:, ::-1].copy()
    er[1, 0] = 0.3  # point 1: saddle with one unstable mode
    ei = np.zeros((P, n))
    slow = rng.standard_normal((P, n))
    slow /= np.linalg.norm(slow, axis=1, keepdims=True)
    unst = np.full((P, n), np.nan)
    unst[1] = slow[0]
    col = lambda v: np.asarray(v, dtype=np.float64).reshape(P, 1)
    return {
        "input": np.zeros((V, 1)),
        "points/x": x,
        "points/q": col([1e-14, 2e-13, 3e-7]),
        "points/speed": col([1e-7, 4e-7, 7e-4]),
        "points/kind": col([0, 0, 1]),
        "points/stability": col([0, 2, 1]),
        "points/unstable_modes": col([0, 1, 0]),
        "points/starts": col([10, 7, 3]),
        "points/start_index": col([0, 4, 12]),
        "points/iterations": col([12, 20, 200]),
        "points/eigenvalues_real": er,
        "points/eigenvalues_imag": ei,
        "points/slow_direction": slow,
        "points/unstable_direction": unst,
        "runs": np.tile([1e-7, 12.0, 1.0], (20, 1)),
    }


def write_fp(path, override=None, attrs=None, drop=()):
    arrs = fp_arrays()
    arrs.update(override or {})
    with h5file(path) as f:
        a = {"format": "opdims fixed points 1", "model": "ref_ctxt_model.h5", "task": "ctxt",
             "problem": "context 1, zero sensory input", "weights": "full", "net": 1.0,
             "seed": 1.0, "starts": 20.0, "fixed_runs": 17, "slow_runs": 3,
             "discarded_runs": 0, "outliers": 0, "duplicates": 12}
        a.update(attrs or {})
        for k, v in a.items():
            if k in drop:
                continue
            attr_any(f, k, v)
        group(f, "points")
        for k, v in arrs.items():
            if k in drop:
                continue
            if callable(v):
                parent, leaf = (f["points"], k.split("/")[1]) if "/" in k else (f, k)
                v(parent, leaf)
            else:
                dset(f, k, v, compress=True)


def gen_fixed_points(C: Corpus):
    K = "fixed-points"
    ex = {"info": "fail"}  # a fixed-point file is not a network: info must refuse it clearly
    ok = lambda name, what: C.add(name, K, True, what, FP_CMDS, ex)
    bad = lambda name, what: C.add(name, K, False, what, FP_CMDS, ex)
    either = lambda name, what: C.add(name, K, "either", what, FP_CMDS, ex)

    def F(name, **kw):
        write_fp(C.path(name), **kw)
        return name

    base = fp_arrays()
    n, P = 100, 3
    ok(F("valid_fixed_points_3_points.h5"), "valid fixed-point file, 3 points")
    ok(F("valid_fixed_points_vlen_format.h5", attrs={"format": A_vlen("opdims fixed points 1")}),
       "format as a variable-length UTF-8 string")
    empty = {k: (np.zeros((0, v.shape[1])) if k.startswith("points/") else v)
             for k, v in base.items()}
    either(F("fixed_points_zero_points.h5", override=empty), "no points (0 x N datasets)")
    bad(F("fixed_points_missing_format.h5", drop=("format",)), "format attribute missing")
    bad(F("fixed_points_format_version_2.h5", attrs={"format": "opdims fixed points 2"}),
        "format 'opdims fixed points 2'")
    bad(F("fixed_points_format_array_1000.h5",
          attrs={"format": A_str_array_vlen(["opdims fixed points 1"] * 1000)}),
        "format is an array of 1000 strings")
    for k in ("points/x", "points/q", "points/stability", "points/unstable_modes",
              "points/eigenvalues_real", "points/slow_direction", "points/unstable_direction"):
        bad(F(f"fixed_points_missing_{k.split('/')[-1]}.h5", drop=(k,)), f"/{k} missing")
    bad(F("fixed_points_q_4x1_for_3_points.h5", override={"points/q": np.zeros((4, 1))}),
        "/points/q has 4 rows for 3 points")
    bad(F("fixed_points_eigenvalues_real_3x99.h5",
          override={"points/eigenvalues_real": base["points/eigenvalues_real"][:, :99]}),
        "/points/eigenvalues_real 3 x 99 for N = 100")
    bad(F("fixed_points_kind_3x2.h5", override={"points/kind": np.zeros((P, 2))}),
        "/points/kind 3 x 2")
    bad(F("fixed_points_x_3d.h5", override={"points/x": base["points/x"].reshape(P, n, 1)}),
        "/points/x is 3-D")
    bad(F("fixed_points_x_1d.h5", override={"points/x": base["points/x"][0]}),
        "/points/x is 1-D (one point, no row)")
    um = base["points/unstable_modes"]
    for v in (-5, 1000, 100, 2**31, 1.5, np.nan):
        u = um.copy()
        u[0, 0] = v
        tag = {2**31: "2pow31"}.get(v, str(v))
        bad(F(f"fixed_points_unstable_modes_{tag}.h5", override={"points/unstable_modes": u}),
            f"/points/unstable_modes holds {v} (the eigenvalue index it implies is out of range)")
    for v in (-1, 7, 2.5, np.nan, 1e300):
        s = base["points/stability"].copy()
        s[1, 0] = v
        bad(F(f"fixed_points_stability_{v}.h5", override={"points/stability": s}),
            f"/points/stability holds {v}")
    for k, v in (("kind", 2), ("kind", np.nan), ("starts", -3), ("starts", 1e300),
                 ("start_index", -1), ("iterations", np.nan), ("q", -1.0), ("speed", np.inf)):
        arr = base[f"points/{k}"].copy()
        arr[0, 0] = v
        bad(F(f"fixed_points_{k}_{v}.h5", override={f"points/{k}": arr}),
            f"/points/{k} holds {v}")
    x = base["points/x"].copy()
    x[0, 0] = np.nan
    bad(F("fixed_points_x_nan.h5", override={"points/x": x}), "/points/x contains NaN")
    e = base["points/eigenvalues_real"].copy()
    e[0, 3] = np.inf
    bad(F("fixed_points_eigenvalues_inf.h5", override={"points/eigenvalues_real": e}),
        "/points/eigenvalues_real contains inf")
    u = base["points/unstable_modes"].copy()
    u[1, 0] = 0  # a saddle without unstable modes
    bad(F("fixed_points_saddle_with_0_unstable_modes.h5", override={"points/unstable_modes": u}),
        "a saddle (stability 2) with 0 unstable modes")
    bad(F("fixed_points_x_declared_1000000x100000.h5",
          override={"points/x": D_chunked_fill((1_000_000, 100_000), (1000, 1000))}),
        "/points/x declared 1e6 x 1e5 (800 GB)")
    bad(F("fixed_points_x_declared_3x4000000.h5",
          override={"points/x": D_chunked_fill((3, 4_000_000), (3, 100_000))}),
        "/points/x declared 3 x 4e6 (N = 4 million)")
    F("fixed_points_points_is_dataset.h5",
      drop=tuple(k for k in base if k.startswith("points/")))
    _fp_points_dataset(C)
    bad("fixed_points_points_is_dataset.h5", "/points is a dataset")
    bad(F("fixed_points_x_external_dev_urandom.h5",
          override={"points/x": D_external((P, n), [("/dev/urandom", 0, 8 * P * n)])}),
        "/points/x raw data from /dev/urandom")
    gen_hdf5_damage(C, K, C.out / "valid_fixed_points_3_points.h5", "fixed_points", FP_CMDS,
                    truncations=False, flips=4, seed=29)
    for e in C.entries:
        if e["kind"] == K:
            e.setdefault("expect", dict(ex))


def _fp_points_dataset(C):
    name = "fixed_points_points_is_dataset.h5"
    with h5py.File(C.out / name, "a") as f:
        del f["points"]
        dset(f, "points", np.zeros((3, 3)))
    return name


def write_checkpoint(path, T, attrs=None, drop=(), override=None, model_attrs=None,
                     model_arrays=None):
    with h5file(path) as f:
        a = dict(T.attrs)
        a.update(model_attrs or {})
        for k in ATTR_ORDER:
            attr_any(f, k, a[k])
        arrays = dict(T.arrays)
        arrays.update(model_arrays or {})
        for k in MODEL_KEYS:
            dset(f, k, arrays[k], compress=True)
        if "/training" in drop:
            return
        g = group(f, "training")
        ta = {"checkpoint_version": 1, "task": "ctxt", "seed": "1", "iteration": 2,
              "iterations": 2, "batch_size": 8, "learning_rate": 2e-3,
              "final_learning_rate": 1e-4, "warmup_iterations": 0, "schedule_iterations": 2,
              "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "clip_norm": 1.0, "frozen": "",
              "noise": 1, "parts": 2, "checkpoint_every": 0, "adam_steps": 2, "seconds": 0.5}
        ta.update(attrs or {})
        for k, v in ta.items():
            if k in drop:
                continue
            attr_any(g, k, v)
        rng = np.random.default_rng(31)
        for p in MODEL_KEYS:
            for mv in ("m", "v"):
                name = f"adam_{mv}_{p}"
                if name in drop:
                    continue
                v = (override or {}).get(name)
                if v is None:
                    v = rng.standard_normal(T.arrays[p].shape) * 1e-4
                    if mv == "v":
                        v = v * v
                if callable(v):
                    v(g, name)
                else:
                    dset(g, name, v, compress=True)


def gen_checkpoints(C: Corpus, T: Template):
    K = "checkpoint"
    ex_ok_info = {"info": "ok"}
    ok = lambda name, what: C.add(name, K, True, what, CKPT_CMDS)
    bad = lambda name, what: C.add(name, K, False, what, CKPT_CMDS, ex_ok_info)
    either = lambda name, what: C.add(name, K, "either", what, CKPT_CMDS, ex_ok_info)

    def P(name, **kw):
        write_checkpoint(C.path(name), T, **kw)
        return name

    ok(P("valid_checkpoint_iteration_2.h5"), "valid checkpoint at iteration 2 of 2")
    either(P("checkpoint_no_training_group.h5", drop=("/training",)),
           "no /training group: a plain model (train starts from it)")
    for k in ("checkpoint_version", "task", "seed", "iteration", "batch_size", "learning_rate",
              "beta1", "frozen", "parts", "adam_steps"):
        bad(P(f"checkpoint_missing_attr_{k}.h5", drop=(k,)), f"/training attribute {k} missing")
    for k in ("adam_m_W", "adam_v_x0"):
        bad(P(f"checkpoint_missing_{k}.h5", drop=(k,)), f"/training/{k} missing")
    bad(P("checkpoint_adam_m_W_99x100.h5", override={"adam_m_W": np.zeros((99, 100))}),
        "adam_m_W 99x100 for a 100-unit network")
    bad(P("checkpoint_adam_v_b_1x100.h5", override={"adam_v_b": np.zeros((1, 100))}),
        "adam_v_b 1x100 instead of 100x1")
    bad(P("checkpoint_adam_m_W_in_declared_huge.h5",
          override={"adam_m_W_in": D_chunked_fill((100_000, 100_000), (1000, 1000))}),
        "adam_m_W_in declared 100000x100000")
    bad(P("checkpoint_adam_v_W_negative.h5", override={"adam_v_W": -np.ones((100, 100))}),
        "Adam second moments negative")
    bad(P("checkpoint_adam_m_W_nan.h5", override={"adam_m_W": np.full((100, 100), np.nan)}),
        "Adam first moments NaN")
    bad(P("checkpoint_version_2.h5", attrs={"checkpoint_version": 2}), "checkpoint_version 2")
    bad(P("checkpoint_task_banana.h5", attrs={"task": "banana"}), "task 'banana'")
    bad(P("checkpoint_task_swg_for_ctxt_network.h5", attrs={"task": "swg"}),
        "task swg, but the network has ctxt's 5 inputs")
    bad(P("checkpoint_seed_not_a_number.h5", attrs={"seed": "abc"}), "seed 'abc'")
    bad(P("checkpoint_seed_negative.h5", attrs={"seed": "-1"}), "seed '-1'")
    bad(P("checkpoint_seed_float64.h5", attrs={"seed": 1.0}), "seed stored as a number")
    bad(P("checkpoint_iteration_-1.h5", attrs={"iteration": -1}), "iteration -1")
    bad(P("checkpoint_iteration_beyond_iterations.h5", attrs={"iteration": 5}),
        "iteration 5 of 2")
    bad(P("checkpoint_batch_size_0.h5", attrs={"batch_size": 0}), "batch_size 0")
    bad(P("checkpoint_batch_size_2pow32_plus_8.h5", attrs={"batch_size": 2**32 + 8}),
        "batch_size 2**32+8 (8 after a cast to int)")
    bad(P("checkpoint_batch_size_1e9.h5", attrs={"batch_size": 1_000_000_000}),
        "batch_size 1e9")
    bad(P("checkpoint_parts_0.h5", attrs={"parts": 0}), "parts 0")
    # The trainer uses at most one part per trial, and a --batch-size 1 run writes parts 2 > 1:
    # refusing it and resuming it are both fine.
    C.add(P("checkpoint_parts_1000_more_than_batch.h5", attrs={"parts": 1000}), K, "either",
          "parts 1000 > batch_size 8", CKPT_CMDS)
    bad(P("checkpoint_learning_rate_nan.h5", attrs={"learning_rate": float("nan")}),
        "learning_rate NaN")
    bad(P("checkpoint_beta1_2.h5", attrs={"beta1": 2.0}), "beta1 = 2")
    bad(P("checkpoint_frozen_banana.h5", attrs={"frozen": "banana"}), "frozen 'banana'")
    bad(P("checkpoint_iteration_attr_1000_values.h5",
          attrs={"iteration": A_array(np.full(1000, 2), np.int64)}),
        "iteration holds 1000 values")
    bad(P("checkpoint_task_attr_array.h5", attrs={"task": A_str_array_vlen(["ctxt"] * 100)}),
        "task is an array of 100 strings")
    bad(P("checkpoint_iteration_1e300.h5", attrs={"iteration": 1e300}), "iteration 1e300")
    bad(P("checkpoint_schedule_iterations_-5.h5", attrs={"schedule_iterations": -5}),
        "schedule_iterations -5")
    # The model part is broken too: info must fail as well.
    name = P("checkpoint_model_W_nan.h5",
             model_arrays={"W": np.full((100, 100), np.nan)})
    C.add(name, K, False, "checkpoint whose W is NaN", CKPT_CMDS)
    with h5file(C.path("checkpoint_training_is_dataset.h5")) as f:
        for k in ATTR_ORDER:
            attr_any(f, k, T.attrs[k])
        for k in MODEL_KEYS:
            dset(f, k, T.arrays[k], compress=True)
        dset(f, "training", np.zeros(3))
    either("checkpoint_training_is_dataset.h5", "/training is a dataset")


def generate(out: Path):
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()) and not (out / "manifest.json").exists():
        raise SystemExit(f"{out} is not empty and holds no corpus (manifest.json): "
                         "refusing to replace its contents")
    for p in out.iterdir():
        if p.is_file() or p.is_symlink():
            p.unlink()
        else:
            shutil.rmtree(p)
    C = Corpus(out)
    T = Template(TEMPLATE_CTXT)
    TS = Template(TEMPLATE_SWG)
    gen_opdims(C, T, TS)
    gen_authors(C, T)
    gen_npz(C, T)
    gen_local(C)
    gen_basis(C)
    gen_fixed_points(C)
    gen_checkpoints(C, T)
    manifest = {
        "version": MANIFEST_VERSION,
        "generator": "tools/corpus/make_bad_files.py",
        "generator_sha1": hashlib.sha1(Path(__file__).read_bytes()).hexdigest(),
        "references": {"CTXT_MODEL": "ref_ctxt_model.h5", "SWG_MODEL": "ref_swg_model.h5"},
        "commands": COMMANDS,
        "files": sorted(C.entries, key=lambda e: e["file"]),
    }
    listed = {e["file"] for e in C.entries}
    stray = sorted(p.name for p in out.iterdir() if p.name not in listed)
    if stray:
        raise SystemExit(f"generator bug: unlisted files {stray}")
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    return manifest


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", type=Path, help="folder to (re)create; its contents are replaced")
    args = ap.parse_args()
    m = generate(args.outdir)
    files = m["files"]
    counts = {}
    for e in files:
        key = (e["kind"], {True: "valid", False: "bad", "either": "either"}[e["valid"]])
        counts[key] = counts.get(key, 0) + 1
    total = sum(e["bytes"] for e in files)
    print(f"{len(files)} files ({total / 1e6:.1f} MB) in {args.outdir}")
    for (k, v), c in sorted(counts.items()):
        print(f"  {k:13s} {v:7s} {c}")


if __name__ == "__main__":
    main()
