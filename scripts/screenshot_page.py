#!/usr/bin/env python3
"""Wraps aha's HTML in a page that keeps terminal cells aligned: a fixed monospace grid where each
East Asian wide character takes exactly two cells."""
import sys
import unicodedata

body_path, page_path, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
body = open(body_path, encoding="utf-8").read()


def widen(html: str) -> str:
    out, in_tag = [], False
    for ch in html:
        if ch == "<":
            in_tag = True
        elif ch == ">":
            in_tag = False
        elif not in_tag and unicodedata.east_asian_width(ch) in ("W", "F"):
            out.append(f'<span class="w">{ch}</span>')
            continue
        out.append(ch)
    return "".join(out)


page = f"""<!doctype html><meta charset="utf-8"><style>
html, body {{ margin: 0; background: #1c1c1c; }}
pre {{ margin: 12px; font: 15px/18px 'DejaVu Sans Mono', 'WenQuanYi Zen Hei Mono', monospace; color: #d0d0d0; width: {width}ch; }}
.w {{ display: inline-block; width: 2ch; text-align: center; }}
</style><pre>{widen(body)}</pre>"""
open(page_path, "w", encoding="utf-8").write(page)
