"""Per-chat ordering of concurrently processed updates (ChatOrderedProcessor, no network)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from telegram import Update

from bot.channels.telegram.ordering import ChatOrderedProcessor, Lane, lane_of

GROUP = -100500
_ids = iter(range(1, 1_000_000))


def message(chat_id: int, user_id: int, text: str, chat_type: str = "supergroup") -> Update:
    chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
    return Update.de_json(
        {
            "update_id": next(_ids),
            "message": {
                "message_id": next(_ids),
                "date": 0,
                "chat": chat,
                "from": {"id": user_id, "is_bot": False, "first_name": f"U{user_id}"},
                "text": text,
            },
        },
        None,
    )


def poll_answer(poll_id: str, user_id: int, options: list[int]) -> Update:
    return Update.de_json(
        {
            "update_id": next(_ids),
            "poll_answer": {
                "poll_id": poll_id,
                "user": {"id": user_id, "is_bot": False, "first_name": f"U{user_id}"},
                "option_ids": options,
                "option_persistent_ids": [f"opt{i}" for i in options],
            },
        },
        None,
    )


class Recorder:
    """Handlers that log when they start and finish; `gate(name)` holds one until released."""

    def __init__(self) -> None:
        self.log: list[str] = []
        self.gates: dict[str, asyncio.Event] = {}
        self.running = 0
        self.most_running = 0

    def gate(self, name: str) -> asyncio.Event:
        return self.gates.setdefault(name, asyncio.Event())

    async def handle(self, name: str) -> None:
        self.log.append(f"start {name}")
        self.running += 1
        self.most_running = max(self.most_running, self.running)
        if name in self.gates:
            await self.gates[name].wait()
        else:
            await asyncio.sleep(0)
        self.running -= 1
        self.log.append(f"end {name}")


async def feed(
    processor: ChatOrderedProcessor, recorder: Recorder, updates: list[tuple[str, Update]]
) -> list[asyncio.Task[None]]:
    """Start the updates in arrival order, the way PTB's update fetcher does."""
    tasks = [
        asyncio.create_task(processor.process_update(update, recorder.handle(name)))
        for name, update in updates
    ]
    await asyncio.sleep(0.05)
    return tasks


def started(recorder: Recorder, name: str) -> bool:
    return f"start {name}" in recorder.log


async def test_a_private_chat_is_handled_in_order_while_other_chats_go_on() -> None:
    processor, recorder = ChatOrderedProcessor(8), Recorder()
    recorder.gate("a1")
    tasks = await feed(
        processor,
        recorder,
        [
            ("a1", message(7, 7, "câu hỏi dài", "private")),
            ("a2", message(7, 7, "còn nhiệm vụ thì sao?", "private")),
            ("b1", message(8, 8, "/trogiup", "private")),
        ],
    )
    assert started(recorder, "a1") and not started(recorder, "a2")
    assert "end b1" in recorder.log  # another member is not kept waiting
    recorder.gates["a1"].set()
    await asyncio.gather(*tasks)
    assert recorder.log.index("end a1") < recorder.log.index("start a2")
    assert processor.waiting == 0


async def test_group_check_ins_run_side_by_side_between_open_and_close() -> None:
    processor = ChatOrderedProcessor(8, in_order_commands={"mophien", "dongphien"})
    recorder = Recorder()
    for name in ("open", "c1", "c2", "c3"):
        recorder.gate(name)
    updates = [
        ("open", message(GROUP, 1, "/mophien Học tập Nghị quyết 57")),
        ("c1", message(GROUP, 11, "/diemdanh 1234")),
        ("c2", message(GROUP, 12, "/diemdanh 1234")),
        ("c3", message(GROUP, 13, "/diemdanh@chibo_test_bot 1234")),
        ("close", message(GROUP, 1, "/dongphien")),
        ("late", message(GROUP, 14, "/diemdanh 1234")),
    ]
    tasks = await feed(processor, recorder, updates)
    assert recorder.log == ["start open"]  # everything after /mophien waits for it
    recorder.gates["open"].set()
    await asyncio.sleep(0.05)
    # Three members check in at once; /dongphien and what follows it wait.
    assert {e for e in recorder.log if e.startswith("start")} == {
        "start open", "start c1", "start c2", "start c3"
    }  # fmt: skip
    recorder.gates["c2"].set()
    recorder.gates["c3"].set()
    await asyncio.sleep(0.05)
    assert not started(recorder, "close")  # c1 is still running
    recorder.gates["c1"].set()
    await asyncio.gather(*tasks)
    log = recorder.log
    assert max(log.index(f"end c{i}") for i in (1, 2, 3)) < log.index("start close")
    assert log.index("end close") < log.index("start late")


async def test_one_members_group_messages_keep_their_order() -> None:
    processor, recorder = ChatOrderedProcessor(8), Recorder()
    recorder.gate("q1")
    tasks = await feed(
        processor,
        recorder,
        [
            ("q1", message(GROUP, 11, "/hoi Mục tiêu là gì?")),
            ("q2", message(GROUP, 11, "/hoi còn nhiệm vụ?")),
            ("other", message(GROUP, 12, "/hoi Ai chủ trì?")),
        ],
    )
    assert started(recorder, "q1") and not started(recorder, "q2")
    assert "end other" in recorder.log
    recorder.gates["q1"].set()
    await asyncio.gather(*tasks)
    assert recorder.log.index("end q1") < recorder.log.index("start q2")


async def test_poll_answers_are_ordered_per_voter() -> None:
    processor, recorder = ChatOrderedProcessor(8), Recorder()
    recorder.gate("answer")
    tasks = await feed(
        processor,
        recorder,
        [
            ("answer", poll_answer("5001", 11, [2])),
            ("retract", poll_answer("5001", 11, [])),
            ("someone else", poll_answer("5001", 12, [1])),
        ],
    )
    assert not started(recorder, "retract") and "end someone else" in recorder.log
    recorder.gates["answer"].set()
    await asyncio.gather(*tasks)
    assert recorder.log.index("end answer") < recorder.log.index("start retract")


async def test_at_most_workers_handlers_run_at_once() -> None:
    processor, recorder = ChatOrderedProcessor(2), Recorder()
    names = [f"m{i}" for i in range(6)]
    for name in names:
        recorder.gate(name)
    tasks = await feed(
        processor,
        recorder,
        [(name, message(100 + i, 100 + i, "hỏi", "private")) for i, name in enumerate(names)],
    )
    assert recorder.running == 2  # six chats waiting, two handled
    for name in names:
        recorder.gates[name].set()
    await asyncio.gather(*tasks)
    assert recorder.most_running == 2 and len(recorder.log) == 12


def test_lanes() -> None:
    commands = frozenset({"dongphien"})
    assert lane_of(message(GROUP, 1, "/dongphien@chibo_test_bot"), commands) == Lane(
        str(GROUP), "1", True
    )
    # The same command in a private chat orders nothing beyond that chat.
    assert not lane_of(message(5, 5, "/dongphien", "private"), commands).in_order
    assert lane_of(poll_answer("9", 3, [0])) == Lane("poll:9", "3")
    assert lane_of(object()) == Lane(None, "")
    empty = Update.de_json({"update_id": 1}, None)
    assert lane_of(empty) == Lane(None, "-")
    with pytest.raises(ValueError):
        ChatOrderedProcessor(0)
