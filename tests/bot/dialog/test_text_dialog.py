"""TextDialog directly, as the console uses it (no messenger involved)."""

from __future__ import annotations

from pathlib import Path

from bot.dialog import TextDialog
from bot.services.identity import ChatRef, UserRef
from bot.settings import Settings
from bot.texts import dialog as texts
from bot.wiring import Services

USER = UserRef("console", "local", "Console")
CHAT = ChatRef("console", "local")


def dialog_for(tmp_path: Path, **extra: object) -> TextDialog:
    settings = Settings(_env_file=None, data_dir=tmp_path, **extra)  # type: ignore[call-arg, arg-type]
    return TextDialog(Services(settings))


def test_help_lists_every_offered_command_and_nothing_else(tmp_path: Path) -> None:
    dialog = dialog_for(tmp_path)
    (reply,) = dialog.handle(USER, CHAT, "/TROGIUP")
    listed = {line.split()[1] for line in reply.splitlines()[1:]}
    assert listed == {"hoi", "start", "diemdanh", "onthi", "ketqua", "tailieu", "trogiup"}
    assert dialog.handle(USER, CHAT, "trợgiúp") == [reply]


def test_empty_text_and_usage_messages(tmp_path: Path) -> None:
    dialog = dialog_for(tmp_path)
    assert dialog.handle(USER, CHAT, "   ") == [texts.EMPTY_MESSAGE]
    assert dialog.handle(USER, CHAT, "/diemdanh") == [texts.CHECK_IN_USAGE]
    assert dialog.handle(USER, CHAT, "hoi   ") == [texts.ASK_USAGE]
    assert dialog.handle(USER, CHAT, "start") == [texts.WELCOME]


def test_empty_library_listing(tmp_path: Path) -> None:
    assert dialog_for(tmp_path).handle(USER, CHAT, "tailieu") == [texts.NO_DOCUMENTS]


def test_a_failing_service_gets_an_apology_and_the_dialog_goes_on(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("a file where the database directory should be")
    broken = f"sqlite:///{tmp_path / 'blocker' / 'bot.db'}"
    dialog = dialog_for(tmp_path, database_url=broken)
    assert dialog.handle(USER, CHAT, "diemdanh 123456") == [texts.FAILURE]
    assert dialog.handle(USER, CHAT, "tailieu") == [texts.NO_DOCUMENTS]


def test_unknown_slash_command_is_named_not_asked(tmp_path: Path) -> None:
    dialog = dialog_for(tmp_path)
    assert dialog.handle(USER, CHAT, "/khongco abc") == [
        texts.UNKNOWN_COMMAND.format(command="/khongco")
    ]
