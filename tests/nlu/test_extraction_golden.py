"""Golden outputs of ``nlu.extraction.extract``: a refactoring must not change a single one.

The fixture (``extraction_golden.json`` beside this file) holds, for every text of the
NLU training examples (data/nlu), the goal examples (data/goals), the held-out and
independent sets (tests/nlu), the retrieval sets' messages (tests/search_eval) and the
case table of test_extraction.py, what ``extract(text)`` and
``extract(text, bare_topic=True)`` returned when it was written: ``(entity, value, start,
end, confidence)`` per item, compared as JSON so that ``1``, ``1.0`` and ``true`` differ.

The texts are stored in the fixture, so editing those data files does not break this test.
Regenerate only when a change of behaviour is intended (and say so in the commit):

    .venv/bin/python -m tests.nlu.test_extraction_golden
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from nlu.extraction import extract

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).with_name("extraction_golden.json")


def _nlu_examples(path: Path) -> list[str]:
    texts = []
    for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
        for line in block.get("examples", "").splitlines():
            if line.strip().startswith("- "):
                texts.append(line.strip()[2:])
    return texts


def source_texts() -> list[str]:
    """Every text the golden outputs cover, each once, sorted."""
    from tests.nlu.test_extraction import CASES

    texts: list[str] = [text for text, _ in CASES]
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        texts += _nlu_examples(path)
    for path, key, field in (
        (ROOT / "data" / "goals" / "goals.yml", "examples", "text"),
        (ROOT / "tests" / "nlu" / "heldout.yml", "examples", "text"),
        *(
            (path, "answers" if path.name.startswith("answers") else "examples", "text")
            for path in sorted((ROOT / "tests" / "nlu" / "independent").glob("*.yml"))
        ),
    ):
        texts += [item[field] for item in yaml.safe_load(path.read_text(encoding="utf-8"))[key]]
    for path in sorted((ROOT / "tests" / "search_eval").glob("retrieval*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts += [
            item["message"] for key in ("topic_requests", "absent_topics") for item in data[key]
        ]
    return sorted(set(texts))


def outputs(text: str, *, bare_topic: bool) -> list[list[Any]]:
    return [
        [e.entity, e.value, e.start, e.end, e.confidence]
        for e in extract(text, bare_topic=bare_topic)
    ]


def _row(text: str) -> list[Any]:
    plain = outputs(text, bare_topic=False)
    bare = outputs(text, bare_topic=True)
    return [text, plain, None if _same(bare, plain) else bare]


def _same(a: Any, b: Any) -> bool:
    return json.dumps(a, ensure_ascii=False) == json.dumps(b, ensure_ascii=False)


def write_fixture() -> int:
    rows = [_row(text) for text in source_texts()]
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    FIXTURE.write_text(
        '{"about": "nlu.extraction.extract outputs; see tests/nlu/test_extraction_golden.py. '
        'Row: [text, extract(text), extract(text, bare_topic=True) or null when the same]",\n'
        ' "rows": [\n' + ",\n".join(lines) + "\n]}\n",
        encoding="utf-8",
    )
    return len(rows)


def test_extraction_outputs_are_unchanged() -> None:
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))["rows"]
    assert len(rows) >= 5000
    changed = []
    for text, plain, bare in rows:
        now_plain = outputs(text, bare_topic=False)
        now_bare = outputs(text, bare_topic=True)
        if not _same(now_plain, plain) or not _same(now_bare, plain if bare is None else bare):
            changed.append((text, plain, now_plain, bare, now_bare))
    assert not changed, (
        f"{len(changed)} of {len(rows)} texts extract differently, e.g. "
        + "; ".join(f"{c[0]!r}: {c[1]} -> {c[2]}" for c in changed[:5])
    )


if __name__ == "__main__":
    print(f"wrote {write_fixture()} rows to {FIXTURE.relative_to(ROOT)}")
