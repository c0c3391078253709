#!/usr/bin/env python3
"""Refresh the README's figures table from reports/EVAL.md (written by `thucydides eval`).

    python tools/update_figures.py [--report reports/EVAL.md] [--readme README.md]

Each `<!-- eval:NAME -->` section of the report ends its score block with a headline line
`metric: value`; the table between `<!-- figures -->` and `<!-- /figures -->` in the README
gets one row per section with that figure and the run date the section states. Nothing typed.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path


def headlines(report: str) -> dict[str, tuple[str, str]]:
    """Per section: every headline line (`metric: value`, anything after the value ignored), labelled with the
    `###` heading it stands under when a section scores several sets."""
    out = {}
    for name, body in re.findall(r"<!-- eval:(\w+) -->\n(.*?)<!-- /eval:\1 -->", report, flags=re.S):
        figs, heading, seen = [], "", set()
        for line in body.splitlines():
            if line.startswith("### "):
                heading = line[4:].split("(")[0].strip()
            m = re.match(r"^(\w+): ([0-9]+\.[0-9]+)\b", line)
            if m and (m.group(1), m.group(2)) not in seen:  # a summary line repeating a set's figure is not a new set
                seen.add((m.group(1), m.group(2)))
                figs.append(f"{m.group(1)} {float(m.group(2)):.3f}" + (f" ({heading})" if heading else ""))
        date = re.search(r"run (\d{4}-\d{2}-\d{2})", body)
        if figs:
            out[name] = ("; ".join(dict.fromkeys(figs)), date.group(1) if date else "")
    return out


def update(readme: str, figures: dict[str, tuple[str, str]]) -> str:
    m = re.search(r"<!-- figures -->\n(.*?)<!-- /figures -->", readme, flags=re.S)
    if not m:
        raise SystemExit("README has no <!-- figures --> table")
    table = "| set | figure | date |\n|---|---|---|\n" + "".join(
        f"| {k} | {v} | {d} |\n" for k, (v, d) in sorted(figures.items()))
    return readme[:m.start(1)] + table + readme[m.end(1):]


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--report", default="reports/EVAL.md")
    p.add_argument("--readme", default="README.md")
    a = p.parse_args(argv)
    figures = headlines(Path(a.report).read_text(encoding="utf-8"))
    if not figures:
        print(f"{a.report}: no evaluation sections", file=sys.stderr)
        return 1
    Path(a.readme).write_text(update(Path(a.readme).read_text(encoding="utf-8"), figures), encoding="utf-8")
    print(f"{a.readme}: {len(figures)} figures from {a.report}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
