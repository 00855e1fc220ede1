"""Turn uploaded bytes (.txt, .md, .docx, .pdf) into plain text, or fail with a clear message."""

from __future__ import annotations

import io
from pathlib import Path

from bot.texts import knowledge as msg
from knowledge.limits import ParseLimits
from knowledge.sandbox import parse_isolated
from knowledge.types import KnowledgeError

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


def load_text(data: bytes, filename: str, max_bytes: int, limits: ParseLimits | None = None) -> str:
    """Extract the text of one file. Raises KnowledgeError with a one-line message.

    .docx and .pdf are parsed in a child process bounded by `limits` (time, memory, zip
    and XML sizes); plain text is decoded here, linear in its (already bounded) size.
    """
    limits = limits or ParseLimits()
    name = Path(filename).name
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise KnowledgeError(msg.UNSUPPORTED_TYPE.format(name=name))
    if len(data) > max_bytes:
        raise KnowledgeError(
            msg.TOO_LARGE.format(name=name, size_mb=len(data) / 2**20, limit_mb=max_bytes / 2**20)
        )
    if not data.strip():
        raise KnowledgeError(msg.EMPTY_FILE.format(name=name))
    if suffix in (".docx", ".pdf"):
        text = parse_isolated(data, name, limits)
    else:
        text = decode_text(data, name)
    if len(text) > limits.max_text_chars:
        raise KnowledgeError(
            msg.TOO_MUCH_TEXT.format(name=name, chars=len(text), limit=limits.max_text_chars)
        )
    if len(text.split()) < 5:
        raise KnowledgeError(msg.NO_CONTENT.format(name=name))
    return text


def decode_text(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 (BOM or not) or Windows-1258."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data[3:].decode("utf-8", errors="strict"), name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(data.decode("utf-16"), name)
    even_nuls = data[1::2].count(0) / max(1, len(data) // 2)
    odd_nuls = data[0::2].count(0) / max(1, len(data) // 2)
    if even_nuls > 0.3 or odd_nuls > 0.3:  # UTF-16 without a BOM: every other byte is NUL
        codec = "utf-16-le" if even_nuls > odd_nuls else "utf-16-be"
        try:
            return _checked(data.decode(codec), name)
        except UnicodeDecodeError as error:
            raise KnowledgeError(msg.UNDECODABLE_TEXT.format(name=name)) from error
    try:
        return _checked(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    # Legacy Vietnamese Windows code page; decodes any byte, so check the result looks like text.
    return _checked(data.decode("cp1258", errors="replace"), name)


def _checked(text: str, name: str) -> str:
    bad = sum(1 for c in text if c == "\ufffd" or (ord(c) < 32 and c not in "\n\r\t\f"))
    if bad > max(3, len(text) // 100):
        raise KnowledgeError(msg.CORRUPT_FILE.format(name=name, detail=msg.NOT_TEXT))
    return text


def extract_in_process(data: bytes, name: str, limits: ParseLimits) -> str:
    """The parsers run inside the sandbox child (knowledge.sandbox); call `load_text` instead."""
    if Path(name).suffix.lower() == ".docx":
        from knowledge.safe_docx import docx_text

        return docx_text(data, name, limits)
    return _pdf_text(data, name)


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import (
        DependencyError,
        FileNotDecryptedError,
        PdfReadError,
        WrongPasswordError,
    )

    try:
        reader = PdfReader(io.BytesIO(data))
        # An owner-password-only PDF (RC4 or AES) opens with the empty user password.
        if reader.is_encrypted and not reader.decrypt(""):
            raise KnowledgeError(msg.ENCRYPTED_PDF.format(name=name))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (KnowledgeError, MemoryError):
        raise
    except DependencyError as error:  # AES without the `cryptography` package installed
        raise KnowledgeError(msg.ENCRYPTED_PDF_CIPHER.format(name=name)) from error
    except (FileNotDecryptedError, WrongPasswordError) as error:
        raise KnowledgeError(msg.ENCRYPTED_PDF.format(name=name)) from error
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise KnowledgeError(msg.CORRUPT_FILE.format(name=name, detail="pdf")) from error
    except Exception as error:  # pypdf raises assorted errors on damaged files
        if "password" in str(error).lower() or "decrypt" in str(error).lower():
            raise KnowledgeError(msg.ENCRYPTED_PDF.format(name=name)) from error
        raise KnowledgeError(msg.CORRUPT_FILE.format(name=name, detail="pdf")) from error
    text = "\n".join(pages)
    if len(text.split()) < 5:
        raise KnowledgeError(msg.NO_TEXT_LAYER.format(name=name))
    return text
