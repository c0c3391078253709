"""Write what the clean step makes of every HTML page, to compare two versions of it (speed work must not
change a byte).

For each page read as the analysis reads it: the cleaned record (text, title, date, source, URL, dateline,
removed chrome) or the refusal, and the extraction with every candidate computed (``all_candidates``: each
candidate's text, the chosen one, the reason and the vote's scores). One JSON object per line, pages in order.

    PYTHONPATH=src python tools/clean_outputs.py OUT.jsonl [HTML_DIR ...]
    # then, with the other version on PYTHONPATH: ... OTHER.jsonl, and cmp OUT.jsonl OTHER.jsonl

Without HTML_DIR it reads the two extraction dev sets (SHARED/eval/extraction/{zyte,dragnet-train}/html).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    args = ap.parse_args(argv)

    from thucydides.errors import ThucydidesError
    from thucydides.input import read
    from thucydides.input.clean import clean
    from thucydides.input.extract import extract
    from thucydides.model import Document
    from thucydides.settings import load

    settings = load()
    dirs = args.dirs or [args.shared / "eval" / "extraction" / s / "html" for s in ("zyte", "dragnet-train")]
    n = 0
    with open(args.out, "w", encoding="utf-8") as f:
        for d in dirs:
            for item in read([d], settings):
                if not isinstance(item, Document):
                    continue
                raw = item.raw
                rec = {"page": f"{d.parent.name}/{item.id}"}
                try:
                    clean(item, settings)
                    rec["clean"] = [item.text, item.title, item.published, item.source, item.url, item.dateline,
                                    item.removed]
                except ThucydidesError as e:
                    rec["refused"] = str(e)
                ex = extract(raw, settings=settings, all_candidates=True)
                rec["extract"] = [ex.text, ex.chosen, ex.reason, ex.title, ex.date, ex.sitename, ex.url, ex.candidates,
                                  ex.scores]
                f.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
                n += 1
    print(f"{n} pages written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
