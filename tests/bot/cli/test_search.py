"""`python -m bot search` as admins and scripts run it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.auxil.processes import run_python


def test_search_json_returns_the_cay_tre_passage_first(
    seeded_data_dir: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(seeded_data_dir, data_dir)
    done = run_python(
        ["-m", "bot", "search", "ban sac cay tre", "--json", "-k", "3"], data_dir, tmp_path
    )
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert len(hits) == 3
    assert {"document", "title", "number", "date", "section", "score", "text"} <= set(hits[0])
    assert "gốc vững" in hits[0]["text"]
    assert hits[0]["score"] >= hits[1]["score"] >= hits[2]["score"]

    empty = run_python(["-m", "bot", "search", "   "], data_dir, tmp_path)
    assert empty.returncode == 2 and empty.stdout.strip()
