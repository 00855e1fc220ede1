"""What a member does in a private chat, written once and run through Telegram and Zalo.

Both channels call the one conversation service, so the same words must get the same
outcome; only the formatting differs (HTML on Telegram, read here as its visible text).
"""

from __future__ import annotations

from sqlalchemy import select

from bot.records.models import QuestionLog
from bot.services.identity import ChatRef
from bot.texts import answers as answer_texts
from bot.texts import records as records_texts
from bot.wiring import Services
from tests.auxil.drivers import OpenChannel, Person

AN = Person(1, "Nguyễn Văn An")
BINH = Person(2, "Trần Thị Bình")
SOURCE = f"{answer_texts.SOURCE_PREFIX}:"
DISTRICT = "Huyện ủy Di Linh"
CELL = "Chi bộ thôn Đồng Lạc"
TOPIC = "Học tập Nghị quyết 57"


def logged(services: Services) -> list[QuestionLog]:
    with services.records.session() as session:
        return list(session.scalars(select(QuestionLog).order_by(QuestionLog.id)))


async def test_question_is_answered_with_its_source_and_a_follow_up_continues_it(
    open_channel: OpenChannel,
) -> None:
    channel = await open_channel()
    first = "\n".join(await channel.send(AN, "Kế hoạch 172-KH/HU có mục đích gì?"))
    # Alone, "when is it carried out?" names no document; after the first question it
    # must be read as a question about that plan.
    follow_up = "\n".join(await channel.send(AN, "Còn thời gian thực hiện?"))
    assert SOURCE in first and "172-KH/HU" in first.split(SOURCE)[-1]
    assert SOURCE in follow_up and "172-KH/HU" in follow_up.split(SOURCE)[-1]
    questions = logged(channel.services)
    assert [(q.channel, q.chat_id) for q in questions] == [
        (channel.channel, channel.chat_id(AN))
    ] * 2
    assert [q.question for q in questions] == [
        "Kế hoạch 172-KH/HU có mục đích gì?",
        "Còn thời gian thực hiện?",
    ]
    assert all(q.grounded and q.sources for q in questions)


async def test_too_many_questions_in_a_minute_are_asked_to_wait(
    open_channel: OpenChannel,
) -> None:
    channel = await open_channel(questions_per_minute=2)
    question = "Bản sắc cây tre Việt Nam là gì?"
    answered = [await channel.send(AN, question) for _ in range(2)]
    refused = await channel.send(AN, question)
    other = await channel.send(BINH, question)  # the limit is per person
    assert all(SOURCE in "\n".join(replies) for replies in answered)
    assert len(refused) == 1 and "đợi khoảng" in refused[0] and SOURCE not in refused[0]
    assert SOURCE in "\n".join(other)
    assert [q.chat_id for q in logged(channel.services)] == [
        channel.chat_id(AN),
        channel.chat_id(AN),
        channel.chat_id(BINH),
    ]


async def test_enrol_with_an_invite_code_check_in_and_see_my_record(
    open_channel: OpenChannel,
) -> None:
    channel = await open_channel()
    services = channel.services
    services.organisation.add_unit(DISTRICT, "district")
    services.organisation.add_unit(CELL, "cell", parent=DISTRICT)
    code = services.enrolment.create_invite_info(None, CELL).code
    group = ChatRef("telegram", "-100777", is_group=True)
    opened = services.attendance.open_session(None, group, TOPIC, cell=CELL)

    not_yet = await channel.send(AN, f"/diemdanh {opened.code}")
    unknown = await channel.send(AN, "/start SAIMA23456")
    (joined,) = await channel.send(AN, f"/start {code}")
    (again,) = await channel.send(AN, f"/start {code}")
    wrong = await channel.send(AN, f"/diemdanh 9{opened.code}")
    (present,) = await channel.send(AN, f"/diemdanh {opened.code} ạ")
    (repeat,) = await channel.send(AN, f"/diemdanh {opened.code}")
    (record,) = await channel.send(AN, "/ketqua")
    stranger = await channel.send(BINH, "/ketqua")

    assert not_yet == [records_texts.NOT_ENROLLED]
    assert unknown == [records_texts.INVITE_UNKNOWN]
    assert "Chào mừng" in joined and AN.name in joined and CELL in joined
    assert "đã là đảng viên" in again
    assert wrong == [records_texts.WRONG_CODE]
    assert AN.name in present and TOPIC in present and "có mặt" in present
    assert "rồi" not in present  # a repeat is told it was already counted
    assert AN.name in repeat and "đã điểm danh" in repeat and "rồi" in repeat
    assert AN.name in record and CELL in record and "Dự sinh hoạt: 1/1 buổi" in record
    assert stranger == [records_texts.NOT_ENROLLED]
    summary = services.attendance.close_session(None, group, cell=CELL)
    assert summary.present == [AN.name]


async def test_documents_are_listed(open_channel: OpenChannel) -> None:
    channel = await open_channel()
    (listing,) = await channel.send(AN, "/tailieu")
    numbered = [line for line in listing.splitlines() if line[:1].isdigit()]
    assert [line.split(".", 1)[0] for line in numbered] == ["1", "2", "3", "4", "5"]
    assert "172-KH/HU" in listing and "24/4/2024" in listing


async def test_unknown_command_is_named_and_not_asked(open_channel: OpenChannel) -> None:
    channel = await open_channel()
    (reply,) = await channel.send(AN, "/khongco abc")
    assert "Không có lệnh" in reply and "/khongco" in reply and "trogiup" in reply
    assert SOURCE not in reply
    assert logged(channel.services) == []
