"""`python …` as a subprocess, the way an admin or a script runs the bot's commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_python(args: list[str], data_dir: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python <args>` with DATA_DIR set and no settings inherited from the test environment."""
    env = {k: v for k, v in os.environ.items() if k.isupper() and not k.startswith("TEST_")}
    env = {k: v for k, v in env.items() if k not in {"DATABASE_URL", "CHROMA_HOST", "EMBEDDER"}}
    env["DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
