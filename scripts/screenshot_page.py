#!/usr/bin/env python3
"""Wraps aha's HTML in a page that keeps terminal cells aligned: a fixed monospace grid where each
East Asian wide character takes exactly two cells. An optional fifth and sixth argument set the
terminal's own background and foreground (a light terminal for a light theme)."""
import sys
import unicodedata

body_path, page_path, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
background = sys.argv[5] if len(sys.argv) > 5 else "#1c1c1c"
foreground = sys.argv[6] if len(sys.argv) > 6 else "#d0d0d0"
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
html, body {{ margin: 0; background: {background}; }}
pre {{ margin: 12px; font: 15px/18px 'DejaVu Sans Mono', 'WenQuanYi Zen Hei Mono', monospace; color: {foreground}; width: {width}ch; }}
.w {{ display: inline-block; width: 2ch; text-align: center; }}
</style><pre>{widen(body)}</pre>"""
open(page_path, "w", encoding="utf-8").write(page)
