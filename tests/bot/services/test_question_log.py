"""Question log and 👍/👎 votes."""

from __future__ import annotations

import sqlalchemy as sa

from bot.records.models import Feedback, QuestionLog
from bot.services.answers import Answer, Source
from tests.auxil.records_world import GROUP_A, SEC_A, World

ANSWER = Answer(
    text="Mục tiêu là ...",
    grounded=True,
    sources=[Source("000_kh.txt", "Kế hoạch", "172-KH/HU", "24/4/2024", "II > 1", 0.8, "...")],
    question="Mục tiêu của kế hoạch là gì?",
)


def test_record_links_the_member_and_keeps_sources(world: World) -> None:
    an = world.enrol("Chi bộ Thôn 1", "501", "An", SEC_A)
    qid = world.questions.record(an, GROUP_A, ANSWER)
    anonymous = world.questions.record(world.user("999"), GROUP_A, ANSWER)
    console = world.questions.record(None, GROUP_A, ANSWER)
    with world.db.session() as session:
        rows = {q.id: q for q in session.scalars(sa.select(QuestionLog))}
    assert rows[qid].member_id is not None and rows[anonymous].member_id is None
    assert rows[console].user_id is None
    assert rows[qid].sources[0]["number"] == "172-KH/HU"
    assert rows[qid].question == ANSWER.question and rows[qid].grounded


def test_votes_are_one_per_person_and_revotes_update(world: World) -> None:
    qid = world.questions.record(None, GROUP_A, ANSWER)
    voter = world.user("501")
    assert world.questions.vote(qid, voter, 1)
    assert world.questions.vote(qid, voter, 1)
    assert world.questions.vote(qid, voter, -1)
    assert world.questions.vote(qid, world.user("502"), -1)
    assert world.questions.vote(qid, world.user("502", channel="zalo"), 1)
    assert not world.questions.vote(qid + 1000, voter, 1)
    with world.db.session() as session:
        votes = sorted((f.channel, f.user_id, f.vote) for f in session.scalars(sa.select(Feedback)))
    assert votes == [("telegram", "501", -1), ("telegram", "502", -1), ("zalo", "502", 1)]
