"""The one error type every channel catches from the records services."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.types import KnowledgeError


@dataclass(frozen=True)
class RefusalAudit:
    """What to write to the refusal log once the failed transaction has been rolled back."""

    channel: str
    user_id: str
    member_id: int | None
    action: str
    target: str | None


class DomainError(KnowledgeError):
    """A refused or invalid action; `str(error)` is the Vietnamese message for the user."""

    def __init__(self, message: str, audit: RefusalAudit | None = None) -> None:
        super().__init__(message)
        self.audit = audit


class AccessDenied(DomainError):
    """The person may not do this (wrong role, another cell, outside their subtree)."""


class NotEnrolled(DomainError):
    """The person is not linked to any member record yet."""
