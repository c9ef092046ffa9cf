"""Rasa's logistic regression and CRF, loaded from what training stored: a restart in seconds.

Rasa 3.6 spends about 22 of the 25 seconds it takes to load our model in two places
(docs/performance.md, "Restart"):
- `CRFEntityExtractor.load` trains the CRF again from the stored training set (7–8 s);
- `LogisticRegressionClassifier.load` imports skops, whose import scans every loaded module for
  each of numpy's 700 ufuncs (14 s once TensorFlow is loaded).

These subclasses store the fitted models themselves and read them back: the CRF's own model file
(python-crfsuite, opened from memory) and the regression's coefficients as plain arrays
(`numpy.load(..., allow_pickle=False)`: nothing in the file can run code). Training, features and
answers are Rasa's, unchanged.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.extractors.crf_entity_extractor import CRFEntityExtractor, CRFToken
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import csr_matrix

COEFFICIENTS_FILE = "coefficients.npz"
CLASSES_FILE = "classes.json"
CRF_ORDER_FILE = "crf_order.json"


class SoftmaxScores:
    """The fitted multinomial regression's probabilities, computed directly.

    `LogisticRegression.predict_proba` validates its input and multiplies by a transposed
    (non-contiguous) coefficient matrix on every call: for one message that was 6 % of the Rasa
    server's time. Same formula (softmax of X·Wᵀ + b), with Wᵀ laid out once.
    """

    def __init__(self, coef: np.ndarray, intercept: np.ndarray, classes: np.ndarray) -> None:
        self.weights = np.ascontiguousarray(coef.T)
        self.intercept = intercept
        self.classes_ = classes

    def predict_proba(self, features: Any) -> np.ndarray:
        """One row of intent probabilities per row of `features` (sparse or dense)."""
        scores = np.asarray(features @ self.weights) + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class StoredLogisticRegressionClassifier(LogisticRegressionClassifier):
    """`LogisticRegressionClassifier` stored as its coefficients, intercepts and intent names.

    `C` (config.yml) is the inverse of the regularisation strength; Rasa fixes it at 1.0.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Rasa's defaults and `C`: 1.0, Rasa's own value."""
        return {**LogisticRegressionClassifier.get_default_config(), "C": 1.0}

    def __init__(
        self, config: dict[str, Any], name: str, model_storage: ModelStorage, resource: Resource
    ) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf.set_params(C=float(self.config["C"]))

    def _create_X(self, messages: list[Message]) -> csr_matrix:
        """Rasa's input matrix (the sentence features of each sparse featurizer side by side), built
        from the features' own coordinates: no deep copies or sequence features combined in vain."""
        rows, columns, values = [], [], []
        width = 0
        for row, message in enumerate(messages):
            sentence = [
                f for f in message.features if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE
            ]
            if not sentence or any(f.is_dense() for f in sentence):
                return super()._create_X(messages)
            offset = 0
            for features in sentence:
                part = features.features.tocoo()
                rows.append(np.full(part.nnz, row))
                columns.append(part.col + offset)
                values.append(part.data)
                offset += part.shape[1]
            width = offset
        return csr_matrix(
            (np.concatenate(values), (np.concatenate(rows), np.concatenate(columns))),
            shape=(len(messages), width),
        )

    def process(self, messages: list[Message]) -> list[Message]:
        """Rasa's ranking, with the probabilities of `SoftmaxScores` (multinomial fits only)."""
        if not isinstance(self.clf, SoftmaxScores) and len(getattr(self.clf, "classes_", ())) > 2:
            self.clf = SoftmaxScores(self.clf.coef_, self.clf.intercept_, self.clf.classes_)
        return super().process(messages)

    def persist(self) -> None:
        """Write the fitted regression as arrays and a JSON list of intents."""
        with self._model_storage.write_to(self._resource) as model_dir:
            np.savez(model_dir / COEFFICIENTS_FILE, coef=self.clf.coef_, intercept=self.clf.intercept_)
            (model_dir / CLASSES_FILE).write_text(json.dumps(self.clf.classes_.tolist()), encoding="utf-8")

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> StoredLogisticRegressionClassifier:
        """The regression as training left it; untrained when training stored nothing (no intents)."""
        component = cls(config, execution_context.node_name, model_storage, resource)
        try:
            with model_storage.read_from(resource) as model_dir:
                arrays = np.load(model_dir / COEFFICIENTS_FILE, allow_pickle=False)
                classes = json.loads((model_dir / CLASSES_FILE).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            return component
        component.clf.coef_ = arrays["coef"]
        component.clf.intercept_ = arrays["intercept"]
        component.clf.classes_ = np.array(classes)
        component.clf.n_features_in_ = arrays["coef"].shape[1]
        return component


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class StoredCRFEntityExtractor(CRFEntityExtractor):
    """`CRFEntityExtractor` stored as the CRF model files python-crfsuite wrote while training."""

    def persist(self, dataset: list[list[CRFToken]]) -> None:
        """Rasa's files, and each trained tagger's model file next to them."""
        super().persist(dataset)
        with self._model_storage.write_to(self._resource) as model_dir:
            for tag_name, tagger in (self.entity_taggers or {}).items():
                model_file = Path(tagger.modelfile.name)
                (model_dir / _tagger_file(tag_name)).write_bytes(model_file.read_bytes())

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> CRFEntityExtractor:
        """The taggers training wrote, opened from memory (the model directory is temporary)."""
        import pycrfsuite
        import sklearn_crfsuite

        try:
            with model_storage.read_from(resource) as model_dir:
                crf_order = json.loads((model_dir / CRF_ORDER_FILE).read_text(encoding="utf-8"))
                models = {tag: (model_dir / _tagger_file(tag)).read_bytes() for tag in crf_order}
        except (ValueError, FileNotFoundError):
            return super().load(config, model_storage, resource, execution_context, **kwargs)
        taggers = OrderedDict()
        for tag_name in crf_order:
            crf = sklearn_crfsuite.CRF()
            crf._tagger = pycrfsuite.Tagger()
            crf._tagger.open_inmemory(models[tag_name])
            crf._model_bytes = models[tag_name]  # crfsuite reads the model in place: keep it alive
            taggers[tag_name] = crf
        extractor = cls(config, model_storage, resource, taggers)
        extractor.crf_order = crf_order
        return extractor


def _tagger_file(tag_name: str) -> str:
    """Where one tagger's CRF model is stored in the component's directory."""
    return f"crf_{tag_name}.crfsuite"
