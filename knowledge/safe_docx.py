"""A .docx inspected before python-docx opens it: no zip bomb, no XML entities, bounded size.

python-docx reads every part whole (`ZipFile.read`) and builds the full lxml tree, so a
small file can expand to gigabytes. Here every part is inflated in 64 KiB steps with its
real size counted (a header may lie about it) and every XML part is streamed through expat
with DTDs refused (billion laughs, external entities) and elements counted. Only a file
that passes is handed to python-docx.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from xml.parsers import expat

from knowledge.docx_blocks import TBL, blocks, paragraph_text, textbox_paragraphs
from knowledge.docx_numbering import Numbering
from knowledge.errors import Code, KnowledgeError
from knowledge.limits import ParseLimits
from knowledge.textnorm import fold

if TYPE_CHECKING:
    from docx.table import Table

_CHUNK = 1 << 16
_RATIO_FROM_BYTES = 1 << 20  # small parts compress oddly without harm
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature ... name length, extra length
_W_P = "http://schemas.openxmlformats.org/wordprocessingml/2006/main p"
_CONTENT_TYPES = "[Content_Types].xml"


def docx_text(data: bytes, name: str, limits: ParseLimits) -> str:
    """The paragraphs and tables, in reading order, of a .docx that passed `inspect_docx`."""
    inspect_docx(data, name, limits)
    import docx  # python-docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.table import Table
    from lxml.etree import LxmlError

    try:
        document = docx.Document(io.BytesIO(data))
    except LxmlError as error:
        # libxml2 out of memory (under the sandbox's RLIMIT_AS) says "unknown error".
        if any(word in str(error).lower() for word in ("memory", "unknown error")):
            raise MemoryError(str(error)) from error
        raise _corrupt(name) from error
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise _corrupt(name) from error
    except MemoryError:
        raise
    except Exception as error:  # python-docx raises its own assorted errors on odd packages
        raise _corrupt(name) from error
    numbering = Numbering(_related(document, RT.NUMBERING), _related(document, RT.STYLES))
    lines: list[str] = []
    for element in blocks(document.element.body):  # paragraphs and tables in reading order
        if element.tag == TBL:
            lines.extend(_table_lines(Table(element, document._body)))
            continue
        text = paragraph_text(element)
        label = numbering.label(element)  # Word's automatic "I.", "1.1.", "a)", "-"
        lines.append(f"{label} {text}" if label and text.strip() else text)
        lines.extend(paragraph_text(inner) for inner in textbox_paragraphs(element))
    return "\n".join(lines)


def _related(document: Any, relation: str) -> Any | None:
    """The XML of a part the document refers to (numbering, styles), or None."""
    try:
        return document.part.part_related_by(relation).element
    except (KeyError, AttributeError):
        return None


# A table that lays out a plan's header or its signature, never a schedule of entries.
_LAYOUT = re.compile(
    r"cong san viet nam|^so:? ?\d+ ?- ?[a-z]{1,6}/|ngay \d{1,2} thang \d{1,2}|"
    r"\bt/m\b|noi nhan"
)


def _table_lines(table: Table) -> list[str]:
    """A schedule ("Thời gian | Nội dung | Đơn vị thực hiện" over rows of entries) reads one
    line per entry, each cell after its column's title, so an entry keeps its date, task and
    body together. Any other table (the header "ĐẢNG BỘ … | ĐẢNG CỘNG SẢN VIỆT NAM", a signature
    beside the recipients) gives each cell as a line, as the page shows them."""
    # A merged cell is repeated in every grid column it spans: read it once.
    rows = [
        [_cell_text(cell) for cell in {id(c._tc): c for c in row.cells}.values()]
        for row in table.rows
    ]
    titles = rows[0] if rows else []
    schedule = (
        not any(_LAYOUT.search(fold(cell)) or "ĐẢNG BỘ" in cell for row in rows for cell in row)
        and len(rows) >= 3
        and len(titles) >= 2
        and all(0 < len(title.split()) <= 5 and "\n" not in title for title in titles)
        and all(len(row) == len(titles) for row in rows[1:])
    )
    if schedule:
        return [
            "; ".join(f"{title}: {cell}" for title, cell in zip(titles, row, strict=True) if cell)
            + "."
            for row in rows[1:]
            if any(row)
        ]
    return [cell for row in rows for cell in row if cell]


def _cell_text(cell: Any) -> str:
    return "\n".join(paragraph_text(p._p) for p in cell.paragraphs).strip()


def inspect_docx(data: bytes, name: str, limits: ParseLimits) -> None:
    """Raise KnowledgeError unless the zip and its XML are within `limits`."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = [e for e in archive.infolist() if not e.is_dir()]
    except MemoryError:
        raise
    except Exception as error:  # zipfile raises BadZipFile, struct.error, ValueError...
        raise _corrupt(name) from error
    if len(entries) > limits.docx_max_entries:
        raise KnowledgeError(
            Code.DOCX_TOO_MANY_PARTS, name=name, count=len(entries), limit=limits.docx_max_entries
        )
    declared = sum(e.file_size for e in entries)
    if declared > limits.docx_max_unzipped_bytes:
        raise _too_big(name, declared, limits)
    for entry in entries:
        ratio = entry.file_size / max(1, entry.compress_size)
        if entry.file_size > _RATIO_FROM_BYTES and ratio > limits.docx_max_ratio:
            raise KnowledgeError(
                Code.DOCX_RATIO, name=name, ratio=ratio, limit=limits.docx_max_ratio
            )
    budget = _XmlBudget(name, limits)
    types = _ContentTypes()
    # zipfile (and so python-docx) reads the last entry of a repeated name; all are checked.
    listing = next((e for e in reversed(entries) if e.filename == _CONTENT_TYPES), None)
    if listing is not None:
        budget.scan(_inflate(data, listing, name), types)
    for entry in entries:
        if entry is listing:
            continue
        if types.is_xml(entry.filename):
            budget.scan(_inflate(data, entry, name))
        else:  # not parsed as XML, but read whole by python-docx: check its real size
            for _ in _inflate(data, entry, name):
                pass


class _ContentTypes:
    """Which parts python-docx parses as XML, from [Content_Types].xml (case-insensitive)."""

    def __init__(self) -> None:
        self.defaults: dict[str, str] = {}
        self.overrides: dict[str, str] = {}

    def collect(self, tag: str, attributes: dict[str, str]) -> None:
        kind = attributes.get("ContentType", "")
        if tag.endswith(" Default") and "Extension" in attributes:
            self.defaults[attributes["Extension"].lower()] = kind
        elif tag.endswith(" Override") and "PartName" in attributes:
            self.overrides[attributes["PartName"].lower()] = kind

    def is_xml(self, filename: str) -> bool:
        lowered = filename.lower()
        if lowered.endswith((".xml", ".rels")):
            return True
        extension = lowered.rsplit(".", 1)[-1] if "." in lowered.rsplit("/", 1)[-1] else ""
        kind = self.overrides.get("/" + lowered, self.defaults.get(extension, ""))
        return "xml" in kind.lower()


class _XmlBudget:
    """Streams XML parts through expat: no DTD at all, elements and paragraphs counted."""

    def __init__(self, name: str, limits: ParseLimits) -> None:
        self.name = name
        self.limits = limits
        self.elements = 0
        self.paragraphs = 0

    def scan(self, chunks: Iterator[bytes], types: _ContentTypes | None = None) -> None:
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self._refuse_dtd
        parser.EntityDeclHandler = self._refuse_dtd
        parser.ExternalEntityRefHandler = self._refuse_dtd

        def start(tag: str, attributes: dict[str, str]) -> None:
            self._count(tag)
            if types is not None:
                types.collect(tag, attributes)

        parser.StartElementHandler = start
        try:
            for chunk in chunks:
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except expat.ExpatError as error:
            raise _corrupt(self.name) from error

    def _count(self, tag: str) -> None:
        self.elements += 1
        if self.elements > self.limits.docx_max_xml_elements:
            raise KnowledgeError(
                Code.TOO_MANY_ELEMENTS, name=self.name, limit=self.limits.docx_max_xml_elements
            )
        if tag == _W_P:
            self.paragraphs += 1
            if self.paragraphs > self.limits.docx_max_paragraphs:
                raise KnowledgeError(
                    Code.TOO_MANY_PARAGRAPHS, name=self.name, limit=self.limits.docx_max_paragraphs
                )

    def _refuse_dtd(self, *args: object) -> int:
        raise KnowledgeError(Code.XML_ENTITIES, name=self.name)


def _inflate(data: bytes, entry: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    """The part's bytes in bounded steps; refuses a part larger than its header declares."""
    start = entry.header_offset
    try:
        signature, name_length, extra_length = _LOCAL_HEADER.unpack_from(data, start)
    except struct.error as error:
        raise _corrupt(name) from error
    if signature != b"PK\x03\x04" or entry.flag_bits & 0x1:  # bad offset, or encrypted
        raise _corrupt(name)
    begin = start + _LOCAL_HEADER.size + name_length + extra_length
    raw = memoryview(data)[begin : begin + entry.compress_size]
    if len(raw) != entry.compress_size:
        raise _corrupt(name)
    produced = 0
    if entry.compress_type == zipfile.ZIP_STORED:
        for offset in range(0, len(raw), _CHUNK):
            piece = bytes(raw[offset : offset + _CHUNK])
            produced += len(piece)
            yield piece
    elif entry.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        pending = b""
        offset = 0
        while not inflater.eof:
            if not pending and offset < len(raw):
                pending = bytes(raw[offset : offset + _CHUNK])
                offset += _CHUNK
            try:
                piece = inflater.decompress(pending, _CHUNK)
            except zlib.error as error:
                raise _corrupt(name) from error
            pending = inflater.unconsumed_tail
            if not piece and not pending and offset >= len(raw):
                break  # truncated stream: the size check below refuses it
            produced += len(piece)
            if produced > entry.file_size:  # the header lied: a bomb in disguise
                raise KnowledgeError(Code.DOCX_SIZE_LIE, name=name)
            yield piece
    else:  # Word writes only stored or deflated parts
        raise _corrupt(name)
    if produced != entry.file_size:
        raise _corrupt(name)


def _too_big(name: str, size: int, limits: ParseLimits) -> KnowledgeError:
    return KnowledgeError(
        Code.DOCX_TOO_BIG_UNZIPPED,
        name=name,
        size_mb=size / 2**20,
        limit_mb=limits.docx_max_unzipped_mb,
    )


def _corrupt(name: str) -> KnowledgeError:
    return KnowledgeError(Code.CORRUPT_FILE, name=name, detail="docx")
