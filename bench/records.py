"""Records benchmark: a district of 200 cells × 25 members with a campaign's sessions,
attendance, questions, votes and quiz answers (≈100k rows); times the district report and a
cell report, then 500 members checking in at once through the service layer.

    python bench/records.py                         # SQLite (temp file)
    python bench/records.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/test
    TEST_DATABASE_URL=... python bench/records.py   # SQLite, then PostgreSQL

Targets: district report ≤ 2 s, cell report ≤ 200 ms; zero lost or duplicated check-ins.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.records import Database  # noqa: E402
from bot.records.models import (  # noqa: E402
    Attendance,
    Campaign,
    CampaignUnit,
    Feedback,
    Identity,
    Member,
    QuestionLog,
    StudySession,
    Unit,
    utcnow,
)
from bot.records.quiz_models import QuizAnswer, QuizQuestion, QuizRun  # noqa: E402
from bot.services.access import Access  # noqa: E402
from bot.services.attendance import AttendanceService  # noqa: E402
from bot.services.identity import ChatRef, UserRef  # noqa: E402
from bot.services.reports import ReportService  # noqa: E402

QUESTIONS = [f"Câu hỏi số {i} về mục tiêu, nhiệm vụ của kế hoạch?" for i in range(300)]


def populate(db: Database, cells: int, members: int, sessions: int, seed: int = 1) -> int:
    """Bulk-insert the simulated district; returns the number of rows written."""
    rng = random.Random(seed)
    now = utcnow()
    start = now - timedelta(days=30)
    rows = 0
    with db.session() as s:

        def bulk(model: Any, items: list[dict[str, Any]]) -> list[int]:
            nonlocal rows
            rows += len(items)
            if not items:
                return []
            result = s.execute(sa.insert(model).returning(model.id), items)
            return [r[0] for r in result]

        (district,) = bulk(Unit, [{"name": "Huyện ủy Mô phỏng", "kind": "district"}])
        cell_ids = bulk(
            Unit,
            [
                {"name": f"Chi bộ {i:03d}", "kind": "cell", "parent_id": district}
                for i in range(cells)
            ],
        )
        (campaign,) = bulk(Campaign, [{"title": "Đợt mô phỏng", "created_at": now}])
        bulk(CampaignUnit, [{"campaign_id": campaign, "unit_id": district}])
        member_rows = [
            {"name": f"Đảng viên {c:03d}-{m:02d}", "unit_id": cid,
             "role": "secretary" if m == 0 else "member", "created_at": now}
            for c, cid in enumerate(cell_ids) for m in range(members)
        ]  # fmt: skip
        member_ids = bulk(Member, member_rows)
        bulk(
            Identity,
            [{"channel": "telegram", "user_id": str(10_000 + i), "member_id": mid}
             for i, mid in enumerate(member_ids)],
        )  # fmt: skip
        by_cell = {
            cid: member_ids[i * members : (i + 1) * members] for i, cid in enumerate(cell_ids)
        }
        # One cell in ten has not met yet: the rollup must flag it.
        meeting = [cid for i, cid in enumerate(cell_ids) if i % 10 != 9]
        session_rows = [
            {"cell_id": cid, "campaign_id": campaign, "topic": f"Buổi {n + 1}", "code": "0000",
             "channel": "telegram", "chat_id": str(-cid),
             "opened_at": start + timedelta(days=7 * n),
             "closed_at": start + timedelta(days=7 * n, hours=2)}
            for cid in meeting for n in range(sessions)
        ]  # fmt: skip
        session_ids = bulk(StudySession, session_rows)
        attendance = [
            {"session_id": sid, "member_id": mid, "checked_in_at": row["opened_at"]}
            for sid, row in zip(session_ids, session_rows, strict=True)
            for mid in by_cell[row["cell_id"]]
            if rng.random() < 0.8
        ]
        bulk(Attendance, attendance)
        asked = [
            {"question": rng.choice(QUESTIONS), "answer": "Theo kế hoạch …", "grounded": True,
             "sources": [], "channel": "telegram", "user_id": "x",
             "member_id": rng.choice(member_ids), "chat_id": "1",
             "asked_at": start + timedelta(minutes=rng.randint(0, 40_000))}
            for _ in range(45_000)
        ]  # fmt: skip
        question_ids = bulk(QuestionLog, asked)
        voted = rng.sample(question_ids, 8_000)
        bulk(
            Feedback,
            [{"question_log_id": q, "channel": "telegram", "user_id": str(rng.randint(1, 10**6)),
              "vote": rng.choice((1, 1, -1)), "voted_at": now} for q in voted],
        )  # fmt: skip
        (question,) = bulk(
            QuizQuestion,
            [{"text": "?", "options": ["a", "b", "c", "d"], "correct": 0, "explanation": "",
              "document": "kh.txt", "source_text": "", "topic": "t", "difficulty": "easy",
              "status": "approved", "generator": "manual", "fingerprint": "bench", "edited": False,
              "created_at": now, "updated_at": now}],
        )  # fmt: skip
        takers = [m for m in member_ids if rng.random() < 0.7]
        run_ids = bulk(
            QuizRun,
            [{"mode": "practice", "channel": "telegram", "chat_id": "1", "started_by": str(m),
              "started_by_name": "", "state": "finished", "question_ids": [question] * 5,
              "position": 4, "seconds_per_question": 30, "started_at": now} for m in takers],
        )  # fmt: skip
        bulk(
            QuizAnswer,
            [{"run_id": r, "position": p, "question_id": question, "channel": "telegram",
              "user_id": str(m), "display_name": "", "member_id": m, "option": 0,
              "correct": rng.random() < 0.7, "answered_at": now}
             for r, m in zip(run_ids, takers, strict=True) for p in range(5)],
        )  # fmt: skip
    return rows


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and worst wall time in seconds."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times), max(times)


def check_in_storm(db: Database, people: int, workers: int, duplicates: float) -> dict[str, Any]:
    """`people` members of one cell check in concurrently; some updates are delivered twice."""
    access = Access(db)
    attendance = AttendanceService(db, access)
    with db.session() as s:
        parent = s.scalar(sa.select(Unit.id).where(Unit.kind == "district"))
        cell = Unit(name="Chi bộ Điểm danh", kind="cell", parent_id=parent)
        s.add(cell)
        s.flush()
        ids = s.execute(
            sa.insert(Member).returning(Member.id),
            [{"name": f"ĐV {i:03d}", "unit_id": cell.id,
              "role": "secretary" if i == 0 else "member", "created_at": utcnow()}
             for i in range(people)],
        ).scalars().all()  # fmt: skip
        s.execute(
            sa.insert(Identity),
            [
                {"channel": "zalo", "user_id": f"storm{i}", "member_id": m}
                for i, m in enumerate(ids)
            ],
        )
        cell_id = cell.id
    users = [UserRef("zalo", f"storm{i}") for i in range(people)]
    opened = attendance.open_session(
        users[0], ChatRef("zalo", "storm", True), "Điểm danh đồng loạt"
    )
    rng = random.Random(3)
    deliveries = users + rng.sample(users, int(people * duplicates))
    rng.shuffle(deliveries)
    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda u: attendance.check_in(u, opened.code), deliveries))
    elapsed = time.perf_counter() - began
    with db.session() as s:
        pairs = (
            s.execute(
                sa.select(Attendance.member_id)
                .join(StudySession, StudySession.id == Attendance.session_id)
                .where(StudySession.cell_id == cell_id)
            )
            .scalars()
            .all()
        )
    return {
        "deliveries": len(deliveries),
        "elapsed": elapsed,
        "per_second": len(deliveries) / elapsed,
        "new": sum(not r.already for r in results),
        "lost": people - len(set(pairs)),
        "duplicated": len(pairs) - len(set(pairs)),
    }


def run(label: str, db: Database, args: argparse.Namespace) -> None:
    db.migrate()
    began = time.perf_counter()
    rows = populate(db, args.cells, args.members, args.sessions)
    print(f"\n== {label}: {rows:,} rows written in {time.perf_counter() - began:.1f} s")
    reports = ReportService(db, Access(db))
    district = reports.report(None, "Huyện ủy Mô phỏng")
    print(
        f"district report: {len(district.rows)} cells, "  # type: ignore[union-attr]
        f"{len(district.cells_without_session)} without a session"
    )  # type: ignore[union-attr]
    median, worst = timed(lambda: reports.report(None, "Huyện ủy Mô phỏng"), args.repeat)
    print(f"district report: median {median * 1000:.0f} ms, worst {worst * 1000:.0f} ms (≤ 2000)")
    median, worst = timed(lambda: reports.report(None, "Chi bộ 042"), args.repeat * 3)
    print(f"cell report:     median {median * 1000:.1f} ms, worst {worst * 1000:.1f} ms (≤ 200)")
    storm = check_in_storm(db, args.storm, args.workers, 0.2)
    print(
        f"check-in storm: {storm['deliveries']} deliveries ({args.storm} members, 20% redelivered) "
        f"by {args.workers} threads in {storm['elapsed']:.2f} s = {storm['per_second']:.0f}/s; "
        f"recorded {storm['new']}, lost {storm['lost']}, duplicated {storm['duplicated']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get("TEST_DATABASE_URL"))
    parser.add_argument("--cells", type=int, default=200)
    parser.add_argument("--members", type=int, default=25)
    parser.add_argument("--sessions", type=int, default=3)
    parser.add_argument("--storm", type=int, default=500)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            db = Database(f"sqlite:///{Path(tmp) / 'bench.db'}")
            run("SQLite", db, args)
            db.dispose()
    if args.pg:
        schema = f"bench_{uuid.uuid4().hex[:10]}"
        admin = sa.create_engine(args.pg)
        with admin.begin() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        db = Database(args.pg, schema=schema)
        try:
            run("PostgreSQL", db, args)
        finally:
            db.dispose()
            with admin.begin() as conn:
                conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()


if __name__ == "__main__":
    main()
