"""Matrix products of the spaCy models through numpy's BLAS on one thread, in place of thinc's blis.

thinc's default CPU ops multiply matrices with its bundled ``blis``; on the machines we measured
(AMD EPYC, AVX-512) numpy's OpenBLAS does the same float32 products in about a third of the CPU
time, and the tok2vec and NER layers spend most of the parse in them. :func:`install` gives every
layer of a loaded pipeline :class:`OneThreadNumpyOps`: thinc's own ``NumpyOps`` with ``use_blis=False``
(its products go to ``numpy.dot``), each product run on one OpenBLAS thread: OpenBLAS's thread
count is set to 1 for the product and given back after (``openblas_set_num_threads_local``, which
returns the previous count; the setting is the library's, so a product another thread of the
process runs meanwhile also uses one thread). The CPU cost then does not grow with thread spin,
and ``--jobs``/Dask workers do not fight over the cores. The parser's own transition loop keeps its
compiled blis calls. Parses are the same (tags, heads, labels, entities, lemmas): ``tools/check_token_cache.py``
compares the analysis pipeline with the model as it ships, token by token.

When the process's numpy does not use an OpenBLAS with that function (another BLAS build), nothing
changes and :func:`install` says why.
"""
from __future__ import annotations

import ctypes
from functools import lru_cache
from typing import Optional


@lru_cache(maxsize=1)
def _set_local_threads():
    """OpenBLAS's ``openblas_set_num_threads_local`` of the library numpy loaded, or None."""
    import numpy  # noqa: F401  (loads the BLAS numpy was built with)

    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as f:
            paths = sorted({line.split()[-1] for line in f if "openblas" in line.lower() and ".so" in line})
    except OSError:
        return None
    for path in paths:
        try:
            fn = ctypes.CDLL(path).openblas_set_num_threads_local
        except (OSError, AttributeError):
            continue
        fn.argtypes, fn.restype = [ctypes.c_int], ctypes.c_int
        return fn
    return None


@lru_cache(maxsize=1)
def ops_class():
    """The ops class (built on first use, so importing this module does not import thinc)."""
    from thinc.api import NumpyOps

    set_local = _set_local_threads()

    class OneThreadNumpyOps(NumpyOps):
        name = "numpy"

        def __init__(self, *args, **kwargs):
            kwargs["use_blis"] = False
            super().__init__(*args, **kwargs)

        def gemm(self, x, y, *, out=None, trans1=False, trans2=False):
            previous = set_local(1)
            try:
                return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
            finally:
                set_local(previous)

    return OneThreadNumpyOps


def why_not() -> Optional[str]:
    """Why this process cannot use the one-thread numpy products (None when it can)."""
    if _set_local_threads() is None:
        return "numpy's BLAS is not an OpenBLAS with openblas_set_num_threads_local"
    return None


def install(language) -> Optional[str]:
    """Give the pipeline's models numpy products on one thread; the reason when it keeps thinc's default."""
    reason = why_not()
    if reason:
        return reason
    ops = ops_class()()
    for _name, component in language.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            node.ops = ops
    return None
