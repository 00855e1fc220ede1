"""`python -m bot search "câu hỏi" [--json] [-k 5]`: ranked passages with their metadata."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bot.settings import Settings
from bot.texts import search as text
from bot.texts.knowledge import describe
from bot.wiring import build_library
from knowledge.types import KnowledgeError, SearchHit


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("search", help=text.HELP)
    parser.add_argument("query")
    parser.add_argument("--json", action="store_true", help=text.HELP_JSON)
    parser.add_argument("-k", type=int, default=5)
    parser.set_defaults(func=run)


def hit_to_dict(hit: SearchHit) -> dict[str, Any]:
    meta = hit.chunk.meta
    return {
        "document": meta.document,
        "title": meta.title,
        "number": meta.number,
        "date": meta.date,
        "issuer": meta.issuer,
        "section": hit.chunk.section,
        "score": round(hit.score, 4),
        "dense_score": round(hit.dense_score, 4),
        "lexical_score": round(hit.lexical_score, 4),
        "text_quality": meta.text_quality,
        "text": hit.chunk.text,
    }


def run(args: argparse.Namespace) -> int:
    if not args.query.strip():
        print(text.EMPTY_QUERY)
        return 2
    try:
        library = build_library(Settings())
    except KnowledgeError as error:  # the model or the index cannot be opened: say which
        print(describe(error), file=sys.stderr)
        return 1
    hits = library.search(args.query, k=max(1, args.k))
    if args.json:
        print(json.dumps([hit_to_dict(h) for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(text.NO_RESULTS)
    for rank, hit in enumerate(hits, 1):
        meta = hit.chunk.meta
        where = ", ".join(p for p in (meta.number, meta.date, hit.chunk.section) if p)
        print(f"{rank}. [{hit.score:.3f}] {meta.document} ({where})")
        print(f"   {hit.chunk.text[:300]}")
    return 0
