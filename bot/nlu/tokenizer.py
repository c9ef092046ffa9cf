"""A whitespace tokenizer whose tokens are accent-folded (see bot.nlu.folding); emails are one word."""

# ruff: noqa: UP006, UP019, UP035, UP037  (Rasa inspects these signatures; keep its spelling)
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.folding import fold

#: Parents' messages are a few sentences; beyond this the rest cannot change the intent.
MAX_TOKENS = 300
#: No word is longer; a 100 kB run of letters would otherwise become 100 kB of character n-grams.
MAX_TOKEN_CHARACTERS = 60
#: Every email address is one word to the classifier: its letters ("gmail", ".com") say nothing
#: about what the parent wants, and form answers are full of them. The text keeps the address.
EMAIL_WORD = "emailaddress"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class AccentFoldingTokenizer(WhitespaceTokenizer):
    """WhitespaceTokenizer, then each token's text and lemma folded; offsets are unchanged."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "AccentFoldingTokenizer":
        """Creates the component (see the parent class)."""
        return cls(config)

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        """Tokens of `attribute`, folded; only the first MAX_TOKENS (a 100 kB message stays fast)."""
        tokens = super().tokenize(message, attribute)[:MAX_TOKENS]
        for token in tokens:
            if "@" in token.text[1:-1]:
                token.text = token.lemma = EMAIL_WORD
                continue
            token.text = fold(token.text[:MAX_TOKEN_CHARACTERS])
            token.lemma = fold(token.lemma) if token.lemma else token.text
        return tokens
