"""The conversation service on its own, over fake backends: memory, flood, log, threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.dialog import TextDialog
from bot.services.access import Access
from bot.services.answers import Answer, Conversation
from bot.services.conversation import Asked, ChatMemory, ConversationService, FloodWait
from bot.services.flood import FloodGuard
from bot.services.identity import ChatRef, UserRef
from bot.wiring import Services
from tests.auxil.clock import Clock
from tests.auxil.services import make_settings

AN = UserRef("telegram", "1", "An")
BINH = UserRef("zalo", "b1", "Bình")
GROUP = ChatRef("telegram", "-100", is_group=True)
PRIVATE = ChatRef("zalo", "b1")


class FakeQA:
    """Answers anything and records which earlier questions of the chat it was shown."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, list[str]]] = []

    def ask(self, question: str, conversation: Conversation | None = None) -> Answer:
        assert conversation is not None
        self.shown.append((question, [q for q, _ in conversation.turns]))
        answer = Answer(text=f"Trả lời: {question}", grounded=True, question=question)
        conversation.remember(question, answer)
        return answer


class FakeLog:
    def __init__(self) -> None:
        self.entries: list[tuple[UserRef | None, ChatRef, str]] = []

    def record(self, user: UserRef | None, chat: ChatRef, answer: Answer) -> int:
        self.entries.append((user, chat, answer.question))
        return len(self.entries)


class Recorder:
    """Stands in for the enrolment/attendance services: remembers the code it was given."""

    def __init__(self) -> None:
        self.codes: list[str] = []

    def enrol(self, user: UserRef, code: str) -> str:
        self.codes.append(code)
        return "enrolled"

    def check_in(self, user: UserRef, code: str) -> str:
        self.codes.append(code)
        return "checked in"


@dataclass
class FakeBackends:
    qa: FakeQA = field(default_factory=FakeQA)
    question_log: FakeLog = field(default_factory=FakeLog)
    enrolment: Any = field(default_factory=Recorder)
    attendance: Any = field(default_factory=Recorder)
    reports: Any = None
    library: Any = None


def service(
    per_minute: int = 100, clock: Clock | None = None
) -> tuple[ConversationService, FakeBackends]:
    backends = FakeBackends()
    flood = FloodGuard(per_minute, clock=clock or Clock())
    return ConversationService(backends, flood), backends  # type: ignore[arg-type]


def test_follow_up_memory_is_per_chat_and_every_question_is_logged() -> None:
    conversation, backends = service()
    results = [
        conversation.ask(AN, GROUP, "Mục tiêu là gì?"),
        conversation.ask(BINH, PRIVATE, "Ai ký văn bản?"),
        conversation.ask(BINH, GROUP, "Còn nhiệm vụ?"),  # another member, same group
    ]
    assert [r.question_id for r in results if isinstance(r, Asked)] == [1, 2, 3]
    assert backends.qa.shown == [
        ("Mục tiêu là gì?", []),
        ("Ai ký văn bản?", []),
        ("Còn nhiệm vụ?", ["Mục tiêu là gì?"]),
    ]
    assert [(chat, question) for _, chat, question in backends.question_log.entries] == [
        (GROUP, "Mục tiêu là gì?"),
        (PRIVATE, "Ai ký văn bản?"),
        (GROUP, "Còn nhiệm vụ?"),
    ]


def test_a_flooding_person_gets_the_wait_and_nothing_is_asked_or_logged() -> None:
    clock = Clock()
    conversation, backends = service(per_minute=2, clock=clock)
    assert isinstance(conversation.ask(AN, GROUP, "Một?"), Asked)
    clock.now += 20
    assert isinstance(conversation.ask(AN, GROUP, "Hai?"), Asked)
    assert conversation.ask(AN, GROUP, "Ba?") == FloodWait(40)
    assert conversation.admit(AN) == FloodWait(40)
    assert isinstance(conversation.ask(BINH, GROUP, "Bốn?"), Asked)  # per person
    assert len(backends.qa.shown) == len(backends.question_log.entries) == 3
    clock.now += 40
    assert conversation.admit(AN) is None


def test_codes_are_their_first_word() -> None:
    conversation, backends = service()
    conversation.enrol(AN, "  abc123  cảm ơn ")
    conversation.check_in(AN, "4821 ạ")
    assert backends.enrolment.codes == ["abc123"] and backends.attendance.codes == ["4821"]


def test_memory_forgets_the_least_recently_active_chat_first() -> None:
    memory = ChatMemory(capacity=2)
    a, b, c = (ChatRef("zalo", name) for name in "abc")
    first_a, first_b = memory.of(a), memory.of(b)
    assert memory.of(a) is first_a  # a is now the most recent
    memory.of(c)
    assert len(memory) == 2
    assert memory.of(a) is first_a and memory.of(b) is not first_b


def test_memory_and_turns_are_safe_across_threads() -> None:
    memory = ChatMemory(capacity=1000)
    chats = [ChatRef("telegram", str(i % 40)) for i in range(4000)]
    with ThreadPoolExecutor(8) as pool:
        found = list(pool.map(memory.of, chats))
    by_chat: dict[str, set[int]] = {}
    for chat, conversation in zip(chats, found, strict=True):
        by_chat.setdefault(chat.chat_id, set()).add(id(conversation))
    assert all(len(ids) == 1 for ids in by_chat.values())  # one conversation per chat

    shared = Conversation()
    answer = Answer(text="x", grounded=True)

    def remember(n: int) -> None:
        for i in range(200):
            shared.remember(f"{n}-{i}", answer, keep=10_000)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(remember, range(8)))
    assert len(shared.turns) == 1600  # no turn lost to a concurrent one


def test_access_knows_the_admins_of_each_channel() -> None:
    access = Access(None, [("telegram", "1"), ("zalo", "b2")])  # type: ignore[arg-type]
    assert access.is_admin(UserRef("telegram", "1"))
    assert not access.is_admin(UserRef("zalo", "1"))
    assert access.is_admin(UserRef("zalo", "b2"))


def test_one_conversation_service_serves_every_channel(tmp_path: Path) -> None:
    services = Services(make_settings(tmp_path))
    assert services.conversation is services.conversation
    assert TextDialog(services).conversation is services.conversation
    assert TextDialog(services).conversation.flood is services.conversation.flood
