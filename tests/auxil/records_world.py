"""A small organisation over the records database: a province, two districts, three cells."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.records import Database
from bot.services.access import Access
from bot.services.attendance import AttendanceService
from bot.services.enrolment import EnrolmentService
from bot.services.identity import ChatRef, UserRef
from bot.services.organisation import Organisation
from bot.services.question_log import QuestionLogService

ADMIN = UserRef("telegram", "1", "Quản trị")
SEC_A = UserRef("telegram", "100", "Bí thư A")
SEC_B = UserRef("telegram", "200", "Bí thư B")
DISTRICT_SEC = UserRef("telegram", "300", "Bí thư huyện")
GROUP_A = ChatRef("telegram", "-1001", is_group=True)
GROUP_B = ChatRef("telegram", "-1002", is_group=True)


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
