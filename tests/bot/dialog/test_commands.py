from bot.dialog.commands import fold, parse_choice, parse_command

KNOWN = frozenset({"diemdanh", "hoi", "onthi"})


def test_slash_is_optional_and_case_and_accents_fold() -> None:
    assert parse_command("/diemdanh AB12", KNOWN) == parse_command("diemdanh AB12", KNOWN)
    command = parse_command("  Điểmdanh   AB12 ", KNOWN)
    assert command is not None and (command.name, command.argument) == ("diemdanh", "AB12")
    command = parse_command("/onthi@chibo_bot Điều lệ Đảng", KNOWN)
    assert command is not None and command.argument == "Điều lệ Đảng"
    command = parse_command("hoi\nMục tiêu là gì?", KNOWN)
    assert command is not None and command.argument == "Mục tiêu là gì?"


def test_other_text_is_not_a_command() -> None:
    assert parse_command("Mục tiêu của kế hoạch là gì?", KNOWN) is None
    assert parse_command("/khonglenh", KNOWN) is None
    assert parse_command("", KNOWN) is None
    assert fold("Đảng") == "dang"


def test_choice_letters() -> None:
    assert [parse_choice(t) for t in ("a", " B ", "c.", "D)")] == ["A", "B", "C", "D"]
    assert parse_choice("E") is None
    assert parse_choice("A và B") is None
