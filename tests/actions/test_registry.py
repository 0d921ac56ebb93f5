"""Every action name is defined once (rasa_sdk keeps only the last class it finds for a name)."""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter

import yaml
from rasa_sdk import Action

import actions
from tests.actions.conftest import ROOT


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_subclasses(sub))
    return found


def test_action_names_are_unique_and_all_in_the_domain() -> None:
    for module in pkgutil.walk_packages(actions.__path__, "actions."):
        importlib.import_module(module.name)
    concrete = [
        cls
        for cls in _subclasses(Action)
        if cls.__module__.startswith("actions.") and not getattr(cls, "__abstractmethods__", None)
    ]
    names = Counter(cls().name() for cls in concrete)
    assert [name for name, count in names.items() if count > 1] == []
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    declared = set(domain["actions"])
    assert set(names) - {"validate_learner_profile_form"} <= declared
