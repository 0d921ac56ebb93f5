"""``make personas``: hold whole persona conversations through the real REST channel.

The personas (``personas.yml``) were written by a helper that saw neither the code nor
the training data: who each learner is, what they would accept, and the messages they
send. This starts the same servers as the end-to-end tests, holds every conversation,
writes one readable transcript per persona to ``test-artifacts/personas/`` and prints
counts that point at what to read: dead ends (the assistant did not understand, or asked
the same question a third time in a row), conversations that reached a course list, and
lists whose titles share no word with the topic the persona wanted.

The counts are signposts; the transcripts are the evaluation (read them).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tests.servers import ROOT, rest_conversations

PERSONAS = Path(__file__).with_name("personas.yml")
#: Replies that mean the assistant did not understand the learner.
NOT_UNDERSTOOD = re.compile(
    r"didn't get that|not sure I understood|couldn't match that|can only help with choosing",
    re.I,
)


@dataclass
class Turn:
    said: str
    replies: list[dict[str, Any]]

    def text(self) -> str:
        return "\n".join(str(r.get("text") or "") for r in self.replies if r.get("text"))

    def courses(self) -> list[dict[str, Any]]:
        return [
            course
            for reply in self.replies
            if isinstance(reply.get("custom"), dict)
            and reply["custom"].get("type") == "course_list"
            for course in reply["custom"].get("courses") or []
        ]


@dataclass
class Conversation:
    persona: dict[str, Any]
    turns: list[Turn] = field(default_factory=list)

    def not_understood(self) -> int:
        return sum(1 for turn in self.turns if NOT_UNDERSTOOD.search(turn.text()))

    def repeated_questions(self) -> int:
        """Turns where the assistant's last question is the same as in both turns before (a
        course list is no question, though its last line offers "why this one?")."""
        asked = [
            [] if turn.courses() else turn.text().strip().splitlines()[-1:] for turn in self.turns
        ]
        return sum(
            1
            for i in range(2, len(asked))
            if asked[i] and asked[i] == asked[i - 1] == asked[i - 2] and "?" in asked[i][0]
        )

    def no_reply(self) -> int:
        return sum(1 for turn in self.turns if not turn.replies)

    def dead_ends(self) -> int:
        return self.not_understood() + self.repeated_questions() + self.no_reply()

    def lists(self) -> list[list[dict[str, Any]]]:
        return [turn.courses() for turn in self.turns if turn.courses()]

    def off_topic_lists(self) -> int:
        """Lists where no course title shares a word stem with the wanted topic."""
        topic = self.persona.get("wants_topic")
        if not topic:
            return 0
        stems = {w[:5] for w in re.findall(r"[a-z0-9+#]{3,}", str(topic).lower())}
        off = 0
        for courses in self.lists():
            words = {
                w[:5]
                for course in courses
                for w in re.findall(
                    r"[a-z0-9+#]{3,}", f"{course.get('title')} {course.get('why')}".lower()
                )
            }
            off += not (stems & words)
        return off


def hold(say: Any, persona: dict[str, Any]) -> Conversation:
    conversation = Conversation(persona)
    sender = f"persona-{persona['id']}"
    for message in persona.get("turns") or []:
        conversation.turns.append(Turn(str(message), say(sender, str(message))))
    return conversation


def render(conversation: Conversation) -> str:
    persona = conversation.persona
    lines = [
        f"# {persona['id']}",
        "",
        f"Brief: {persona.get('brief', '').strip()}",
        f"Wants: {persona.get('wants_topic')}; acceptable: {persona.get('acceptable', '').strip()}",
        f"Dead ends: {conversation.dead_ends()}; lists: {len(conversation.lists())}; "
        f"off-topic lists: {conversation.off_topic_lists()}",
        "",
    ]
    for turn in conversation.turns:
        lines.append(f"**Learner:** {turn.said}")
        for reply in turn.replies:
            if reply.get("text"):
                lines.append("> " + str(reply["text"]).replace("\n", "\n> "))
            for course in (
                reply["custom"].get("courses") or []
                if isinstance(reply.get("custom"), dict)
                else []
            ):
                lines.append(
                    f">   - {course.get('title')} ({course.get('provider')}; "
                    f"£{course.get('cost_gbp')}; {course.get('duration_weeks')} weeks; "
                    f"{course.get('credits')} credits) why: {course.get('why')}"
                )
            if reply.get("buttons"):
                titles = " | ".join(str(b.get("title")) for b in reply["buttons"])
                lines.append(f">   [buttons: {titles}]")
        lines.append("")
    return "\n".join(lines)


def summary(conversations: Sequence[Conversation]) -> dict[str, Any]:
    return {
        "conversations": len(conversations),
        "with_dead_end": sum(1 for c in conversations if c.dead_ends()),
        "dead_end_turns": sum(c.dead_ends() for c in conversations),
        "reached_a_list": sum(1 for c in conversations if c.lists()),
        "off_topic_lists": sum(c.off_topic_lists() for c in conversations),
        "lists": sum(len(c.lists()) for c in conversations),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.personas.run")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "course-advisor.tar.gz")
    parser.add_argument("--personas", type=Path, default=PERSONAS)
    parser.add_argument("--out", type=Path, default=ROOT / "test-artifacts" / "personas")
    args = parser.parse_args(argv)
    personas = (yaml.safe_load(args.personas.read_text(encoding="utf-8")) or {}).get("personas")
    if not personas:
        print(f"No personas in {args.personas}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with rest_conversations(args.model, prefix="personas-") as say:
        conversations = [hold(say, persona) for persona in personas]
    for conversation in conversations:
        path = args.out / f"{conversation.persona['id']}.md"
        path.write_text(render(conversation), encoding="utf-8")
    totals = summary(conversations)
    (args.out / "summary.json").write_text(json.dumps(totals, indent=2), encoding="utf-8")
    print(json.dumps(totals, indent=2))
    for conversation in conversations:
        print(
            f"{conversation.persona['id']:<34} dead ends {conversation.dead_ends()}  "
            f"lists {len(conversation.lists())}  off-topic {conversation.off_topic_lists()}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
