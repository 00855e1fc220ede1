"""The paragraphs and tables of a .docx body in reading order, and a paragraph's visible text.

python-docx reads a paragraph's text from its direct runs and hyperlinks only, and the body's
direct paragraphs and tables only: words inside a content control (`w:sdt`, as templates put
the number or date of a plan), a smart tag, a simple field, a tracked insertion, and whole
paragraphs inside a block-level content control were lost. Here the whole paragraph is read,
except what the page does not show: deleted text (`w:del`, `w:moveFrom`), the fallback copy of
a drawing (`mc:Fallback`) and text boxes, which are read as paragraphs of their own after the
paragraph that holds them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P, TBL = f"{_W}p", f"{_W}tbl"
# Containers whose children are blocks (or, inside a paragraph, runs) as if they stood in place.
_CONTAINERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"})
_HIDDEN = frozenset({f"{_W}del", f"{_W}moveFrom", f"{_MC}Fallback", f"{_W}txbxContent"})
_TEXTBOX = f"{_W}txbxContent"
# A soft hyphen is kept: in a legacy TCVN3 font it is the letter "ư" (`knowledge.legacy_fonts`);
# elsewhere it is dropped with the other invisible characters.
_CHARS = {
    f"{_W}tab": "\t",
    f"{_W}ptab": "\t",
    f"{_W}cr": "\n",
    f"{_W}noBreakHyphen": "-",
    f"{_W}softHyphen": "\xad",
}


def blocks(body: Any) -> Iterator[Any]:
    """The body's `w:p` and `w:tbl` elements in reading order, content controls opened."""
    stack = list(reversed(body))
    while stack:
        element = stack.pop()
        if element.tag in (P, TBL):
            yield element
        elif element.tag in _CONTAINERS:
            stack.extend(reversed(element))


def paragraph_text(paragraph: Any) -> str:
    """What the page shows of one paragraph, text boxes left out."""
    out: list[str] = []
    stack = list(reversed(paragraph))
    while stack:
        element = stack.pop()
        tag = element.tag
        if not isinstance(tag, str) or tag in _HIDDEN or tag == f"{_W}pPr":
            continue
        if tag == f"{_W}t":
            out.append(element.text or "")
        elif tag == f"{_W}br":
            if element.get(f"{_W}type") in (None, "textWrapping"):
                out.append("\n")
        elif tag in _CHARS:
            out.append(_CHARS[tag])
        else:
            stack.extend(reversed(element))
    return "".join(out)


def textbox_paragraphs(paragraph: Any) -> list[Any]:
    """The paragraphs of the text boxes this paragraph holds (each once: Word also keeps a
    fallback copy of the drawing for older readers)."""
    found: list[Any] = []
    stack = list(reversed(paragraph))
    while stack:
        element = stack.pop()
        tag = element.tag
        if not isinstance(tag, str) or tag == f"{_MC}Fallback":
            continue
        if tag == _TEXTBOX:
            found.extend(child for child in blocks(element) if child.tag == P)
        else:
            stack.extend(reversed(element))
    return found
