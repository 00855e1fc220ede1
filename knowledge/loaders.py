"""Turn uploaded bytes (.txt, .md, .docx, .pdf) into plain text, or refuse with a KnowledgeError."""

from __future__ import annotations

import io
from pathlib import Path

from knowledge.errors import Code, KnowledgeError
from knowledge.legacy_fonts import from_legacy, tcvn3_bytes
from knowledge.limits import ParseLimits
from knowledge.sandbox import parse_isolated

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


def refusal(filename: str, size: int | None, max_bytes: int) -> KnowledgeError | None:
    """Why a file of this name and size would be refused before reading it, or None.

    The checks `load_text` starts with; a channel applies them to what the messenger says
    about an upload, so an unsupported or oversized file is never downloaded.
    """
    name = Path(filename).name
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        return KnowledgeError(Code.UNSUPPORTED_TYPE, name=name)
    if size is not None and size > max_bytes:
        return KnowledgeError(
            Code.FILE_TOO_LARGE, name=name, size_mb=size / 2**20, limit_mb=max_bytes / 2**20
        )
    return None


def load_text(data: bytes, filename: str, max_bytes: int, limits: ParseLimits | None = None) -> str:
    """Extract the text of one file. Raises KnowledgeError (see knowledge.errors.Code).

    .docx and .pdf are parsed in a child process bounded by `limits` (time, memory, zip
    and XML sizes); plain text is decoded here, linear in its (already bounded) size.
    """
    limits = limits or ParseLimits()
    name = Path(filename).name
    refused = refusal(name, len(data), max_bytes)
    if refused is not None:
        raise refused
    if not data.strip():
        raise KnowledgeError(Code.EMPTY_FILE, name=name)
    if Path(name).suffix.lower() in (".docx", ".pdf"):
        text = parse_isolated(data, name, limits)
    else:
        text = decode_text(data, name)
    # typed in .VnTime ("TØnh ñy") or VNI-Times ("Tænh uûy"): "Tỉnh ủy"
    text = from_legacy(text)
    if len(text) > limits.max_text_chars:
        raise KnowledgeError(
            Code.TOO_MUCH_TEXT, name=name, chars=len(text), limit=limits.max_text_chars
        )
    if len(text.split()) < 5:
        raise KnowledgeError(Code.NO_CONTENT, name=name)
    return text


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) directly; the bytes of a legacy font (TCVN3, VNI) as
    Latin-1, for `from_legacy` to read; anything else as charset-normalizer reads it."""
    # No text holds NUL, but ASCII in UTF-16 without a BOM is valid UTF-8 full of them.
    if b"\x00" not in data:
        try:
            return _checked(data.decode("utf-8-sig"), name)
        except UnicodeDecodeError:
            legacy = tcvn3_bytes(data)  # a legacy font's bytes: `from_legacy` reads them
            if legacy is not None:
                return _checked(legacy, name)
    from charset_normalizer import from_bytes

    # It samples a few chunks (bounded work) and knows the UTF-16/32 BOMs and BOM-less forms.
    readings = from_bytes(data)
    # Legacy Vietnamese files are Windows-1258; where that reading is plausible it wins over
    # look-alike code pages (cp1250, cp1252) that would garble the tone marks.
    best = next((r for r in readings if r.encoding == "cp1258"), None) or readings.best()
    if best is None:
        raise KnowledgeError(Code.NOT_TEXT, name=name)
    return _checked(str(best), name)


def _checked(text: str, name: str) -> str:
    bad = sum(1 for c in text if c == "\ufffd" or (ord(c) < 32 and c not in "\n\r\t\f"))
    if bad > max(3, len(text) // 100):
        raise KnowledgeError(Code.NOT_TEXT, name=name)
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
            raise KnowledgeError(Code.ENCRYPTED_PDF, name=name)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (KnowledgeError, MemoryError):
        raise
    except DependencyError as error:  # AES without the `cryptography` package installed
        raise KnowledgeError(Code.ENCRYPTED_PDF_CIPHER, name=name) from error
    except (FileNotDecryptedError, WrongPasswordError) as error:
        raise KnowledgeError(Code.ENCRYPTED_PDF, name=name) from error
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise KnowledgeError(Code.CORRUPT_FILE, name=name, detail="pdf") from error
    except Exception as error:  # pypdf raises assorted errors on damaged files
        if "password" in str(error).lower() or "decrypt" in str(error).lower():
            raise KnowledgeError(Code.ENCRYPTED_PDF, name=name) from error
        raise KnowledgeError(Code.CORRUPT_FILE, name=name, detail="pdf") from error
    text = "\n".join(pages)
    if len(text.split()) < 5:
        raise KnowledgeError(Code.NO_TEXT_LAYER, name=name)
    return text
