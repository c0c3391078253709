"""The server's analysis worker process: ``python -m thucydides.server.worker``.

Started by :class:`thucydides.server.ingest.IngestWorker` as a fresh interpreter running this module
(never with multiprocessing, whose spawned children re-import the user's ``__main__``: a script
calling ``serve(...)`` without a main guard would start the server again in each of them). It loads
the spaCy model once, then reads pickled Documents from stdin, one at a time, and writes back the
analysed items (a Document or a Failure), each within the per-document time limit (``doc_timeout``,
armed in this process's main thread). It exits when stdin closes (the server stopped or went away).
"""
from __future__ import annotations

import os
import pickle
import sys


def main() -> int:
    channel = os.fdopen(os.dup(1), "wb")  # replies go here; anything printed goes to stderr instead
    os.dup2(2, 1)
    source = sys.stdin.buffer
    from ..pipeline.core import analyze_documents
    from ..pipeline.parallel import _portable
    from ..settings import load

    settings = load()
    from ..nlp.parse import get_nlp

    get_nlp(settings)
    pickle.dump(("ready", os.getpid()), channel)
    channel.flush()
    try:
        while True:
            try:
                doc = pickle.load(source)
            except EOFError:
                return 0
            try:
                items = [_portable(i) for i in analyze_documents([doc], settings)]
            except Exception as e:  # a bug in a stage: report it as the document's failure, keep serving
                from ..model import Failure

                items = [Failure(doc.input, f"analysis failed: {type(e).__name__}: {str(e)[:200]}")]
            pickle.dump(items, channel)
            channel.flush()
    except (KeyboardInterrupt, BrokenPipeError):
        return 0


if __name__ == "__main__":
    sys.exit(main())
