"""Records fixtures: a migrated database on SQLite, and on PostgreSQL when TEST_DATABASE_URL
is set (each test in its own schema, so engineers sharing the server never collide)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.records import Database
from bot.services.access import Access
from bot.services.attendance import AttendanceService
from bot.services.enrolment import EnrolmentService
from bot.services.identity import ChatRef, UserRef
from bot.services.organisation import Organisation
from bot.services.question_log import QuestionLogService

PG_URL = os.environ.get("TEST_DATABASE_URL")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql", marks=pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL not set")
    ),
]

ADMIN = UserRef("telegram", "1", "Quản trị")


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A freshly migrated, empty records database."""
    if request.param == "sqlite":
        database = Database(f"sqlite:///{tmp_path / 'records.db'}")
        database.migrate()
        yield database
        database.dispose()
        return
    assert PG_URL is not None
    schema = f"rec_{uuid.uuid4().hex[:12]}"
    admin_engine = sa.create_engine(PG_URL)
    with admin_engine.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    database = Database(PG_URL, schema=schema)
    try:
        database.migrate()
        yield database
    finally:
        database.dispose()
        with admin_engine.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin_engine.dispose()


@dataclass
class World:
    """Services over one database plus a small organisation: a district with two cells."""

    db: Database
    access: Access
    org: Organisation
    enrolment: EnrolmentService
    attendance: AttendanceService
    questions: QuestionLogService

    def user(self, user_id: str, name: str = "", channel: str = "telegram") -> UserRef:
        return UserRef(channel, user_id, name)  # type: ignore[arg-type]

    def enrol(self, cell: str, user_id: str, name: str, secretary: UserRef) -> UserRef:
        user = self.user(user_id, name)
        self.enrolment.enrol(user, self.enrolment.create_invite_info(secretary, cell).code)
        return user


SEC_A = UserRef("telegram", "100", "Bí thư A")
SEC_B = UserRef("telegram", "200", "Bí thư B")
DISTRICT_SEC = UserRef("telegram", "300", "Bí thư huyện")
GROUP_A = ChatRef("telegram", "-1001", is_group=True)
GROUP_B = ChatRef("telegram", "-1002", is_group=True)


@pytest.fixture
def world(db: Database) -> World:
    """Tỉnh ủy > Huyện ủy Di Linh > {Chi bộ Thôn 1, Chi bộ Thôn 2}, a secretary each."""
    access = Access(db, [(ADMIN.channel, ADMIN.user_id)])
    org = Organisation(db)
    org.add_unit("Tỉnh ủy Lâm Đồng", "province")
    org.add_unit("Huyện ủy Di Linh", "district", "Tỉnh ủy Lâm Đồng")
    org.add_unit("Huyện ủy Bảo Lâm", "district", "Tỉnh ủy Lâm Đồng")
    org.add_unit("Chi bộ Thôn 1", "cell", "Huyện ủy Di Linh")
    org.add_unit("Chi bộ Thôn 2", "cell", "Huyện ủy Di Linh")
    org.add_unit("Chi bộ Lộc Bắc", "cell", "Huyện ủy Bảo Lâm")
    org.add_member("Bí thư A", "Chi bộ Thôn 1", "secretary", {"telegram": SEC_A.user_id})
    org.add_member("Bí thư B", "Chi bộ Thôn 2", "secretary", {"telegram": SEC_B.user_id})
    org.add_member("Bí thư huyện", "Huyện ủy Di Linh", "secretary", {"telegram": "300"})
    org.add_campaign("Học tập Nghị quyết 57", ["Huyện ủy Di Linh"], ["000_kh.txt"])
    return World(
        db,
        access,
        org,
        EnrolmentService(db, access),
        AttendanceService(db, access),
        QuestionLogService(db, access),
    )
