from bot.services.flood import FloodGuard
from bot.services.identity import UserRef
from tests.auxil.clock import Clock


def test_allows_up_to_limit_then_refuses_until_window_passes() -> None:
    clock = Clock()
    guard = FloodGuard(3, clock=clock)
    alice = UserRef("zalo", "a1")
    assert [guard.allow(alice) for _ in range(4)] == [True, True, True, False]
    clock.now += 59.0
    assert not guard.allow(alice)
    clock.now += 1.0
    assert guard.allow(alice)


def test_users_and_channels_are_counted_separately() -> None:
    guard = FloodGuard(1, clock=Clock())
    assert guard.allow(UserRef("zalo", "1"))
    assert guard.allow(UserRef("telegram", "1"))
    assert guard.allow(UserRef("zalo", "2"))
    assert not guard.allow(UserRef("zalo", "1"))


def test_retry_after_counts_down_to_the_oldest_request_leaving_the_window() -> None:
    clock = Clock()
    guard = FloodGuard(2, clock=clock)
    bob = UserRef("telegram", "7")
    assert guard.retry_after_s(bob) == 0
    guard.allow(bob)
    clock.now += 10.0
    guard.allow(bob)
    clock.now += 5.0
    assert guard.retry_after_s(bob) == 45
