"""Zalo channel benchmark over real HTTP (fake Zalo Bot API on 127.0.0.1).

1. channel overhead: message → reply round trip, trivial dialog (one update per getUpdates);
2. splitting: time to split long answers at 2,000 chars;
3. Q&A over Zalo: the dev questions answered through `serve()` with the real services.

    python bench/zalo.py [--messages 200] [--questions 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.channels.zalo.app import serve  # noqa: E402
from bot.channels.zalo.client import ZaloClient  # noqa: E402
from bot.channels.zalo.handler import ZaloHandler  # noqa: E402
from bot.channels.zalo.polling import PollingConfig, poll_updates  # noqa: E402
from bot.channels.zalo.splitting import split_message  # noqa: E402
from bot.services.identity import ChatRef, UserRef  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.wiring import Services  # noqa: E402
from tests.auxil.fake_zalo import FakeZaloServer  # noqa: E402

POLLING = PollingConfig(poll_timeout_s=1, backoff_initial_s=0.05, backoff_max_s=0.5)
DEV = ROOT.parent / "shared" / "eval" / "dev_questions.json"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def round_trips(zalo: FakeZaloServer, texts: list[str]) -> list[float]:
    """Send each text in turn and time until its reply(ies) arrive (ms)."""
    timings = []
    for text in texts:
        before = len(zalo.sent)
        start = time.perf_counter()
        zalo.push_text("bench-user", text)
        await zalo.wait_for_sent(before + 1, timeout_s=120)
        await zalo.updates_drained()
        timings.append((time.perf_counter() - start) * 1000)
    return timings


async def channel_overhead(count: int) -> None:
    zalo = FakeZaloServer()
    await zalo.start()
    client = ZaloClient(zalo.token, zalo.base_url)
    stop = asyncio.Event()

    def echo(user: UserRef, chat: ChatRef, text: str) -> list[str]:
        return [text]

    task = asyncio.create_task(poll_updates(client, ZaloHandler(client, echo), stop, POLLING))
    start = time.perf_counter()
    timings = await round_trips(zalo, [f"tin {i}" for i in range(count)])
    total = time.perf_counter() - start
    stop.set()
    await task
    await client.aclose()
    await zalo.stop()
    print(
        f"channel overhead ({count} msgs, echo dialog): p50 {pct(timings, 0.5):.1f} ms, "
        f"p95 {pct(timings, 0.95):.1f} ms, {count / total:.0f} msg/s sequential"
    )


def splitting() -> None:
    paragraph = "Chi bộ tổ chức học tập, quán triệt nghị quyết và kế hoạch thực hiện. " * 12
    text = "\n\n".join(paragraph for _ in range(60))
    runs = 50
    start = time.perf_counter()
    for _ in range(runs):
        pieces = split_message(text)
    elapsed = (time.perf_counter() - start) / runs * 1000
    print(
        f"splitting: {len(text):,} chars → {len(pieces)} messages "
        f"(max {max(map(len, pieces))} chars) in {elapsed:.2f} ms"
    )


def questions(limit: int) -> list[str]:
    path = DEV if DEV.exists() else ROOT / "bench" / "dev_questions.json"
    if not path.exists():
        return ["Mục tiêu của kế hoạch là gì?"]
    data = json.loads(path.read_text(encoding="utf-8"))["questions"]
    return [str(q.get("q") or q.get("question")) for q in data][:limit]


async def qa_over_zalo(limit: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        zalo = FakeZaloServer()
        await zalo.start()
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            data_dir=Path(tmp),
            zalo_bot_token=zalo.token,
            zalo_api_base_url=zalo.base_url,
            questions_per_minute=0,
        )
        services = Services(settings)
        start = time.perf_counter()
        for path in sorted(settings.corpus_dir.glob("*.txt")):
            services.library.ingest_path(path)
        print(f"setup: corpus ingested in {time.perf_counter() - start:.1f} s")
        stop = asyncio.Event()
        task = asyncio.create_task(serve(services, stop, POLLING))
        asked = questions(limit)
        await round_trips(zalo, asked[:1])  # warm-up: model load
        zalo.sent.clear()
        timings = await round_trips(zalo, asked)
        stop.set()
        await task
        await zalo.stop()
        lengths = [len(s.text) for s in zalo.sent]
        print(
            f"Q&A over Zalo ({len(asked)} dev questions): p50 {pct(timings, 0.5):.0f} ms, "
            f"p95 {pct(timings, 0.95):.0f} ms, mean {statistics.mean(timings):.0f} ms; "
            f"{len(lengths)} messages, longest {max(lengths)} chars"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--questions", type=int, default=20)
    args = parser.parse_args()
    asyncio.run(channel_overhead(args.messages))
    splitting()
    try:
        import bot.services.qa  # noqa: F401
    except ImportError:
        print("Q&A over Zalo: skipped (bot.services.qa not available)")
        return
    asyncio.run(qa_over_zalo(args.questions))


if __name__ == "__main__":
    main()
