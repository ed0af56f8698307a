"""What a Claude analysis costs: the tokens a response used, and the list price of each model.

Kept apart from `claude.py` (the request and the response) because the prices change on their
own schedule and are checked against the pricing page, not against the code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Usage:
    input_tokens: int
    output_tokens: int
    cache_creation_input_tokens: int
    cache_read_input_tokens: int

    @property
    def prompt_tokens(self) -> int:
        """Everything the request sent: uncached input plus cache writes and reads."""
        return self.input_tokens + self.cache_creation_input_tokens + self.cache_read_input_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            input_tokens=self.input_tokens + other.input_tokens,
            output_tokens=self.output_tokens + other.output_tokens,
            cache_creation_input_tokens=self.cache_creation_input_tokens + other.cache_creation_input_tokens,
            cache_read_input_tokens=self.cache_read_input_tokens + other.cache_read_input_tokens,
        )


@dataclass(frozen=True)
class ModelPrice:
    """USD per million tokens. `cache_write` is the 5-minute ephemeral write, the only kind we make.

    Some models bill a whole request at higher rates once its prompt (input + cache writes + cache
    reads) passes a threshold: `long_prompt` holds those rates.
    """

    input: float
    output: float
    cache_write: float
    cache_read: float
    long_prompt_threshold_tokens: int | None = None
    long_prompt: ModelPrice | None = None

    def cost(self, usage: Usage) -> float:
        rates = self
        threshold = self.long_prompt_threshold_tokens
        if self.long_prompt is not None and threshold is not None and usage.prompt_tokens > threshold:
            rates = self.long_prompt
        return (
            usage.input_tokens * rates.input
            + usage.output_tokens * rates.output
            + usage.cache_creation_input_tokens * rates.cache_write
            + usage.cache_read_input_tokens * rates.cache_read
        ) / 1_000_000


# Claude API list prices (not Batch, not fast mode, not `inference_geo: "us"`, which is 1.1x).
# Source: https://platform.claude.com/docs/en/about-claude/pricing and each model's page;
# Sonnet 5.5 cache reads were cut from $0.20 to $0.10 on 2026-10-07. Update with the source date.
PRICES_CHECKED_ON = "2026-11-24"
PRICES: Mapping[str, ModelPrice] = {
    "claude-fable-5-1": ModelPrice(input=10.0, output=50.0, cache_write=12.5, cache_read=0.25),
    "claude-opus-5-5": ModelPrice(input=4.0, output=20.0, cache_write=5.0, cache_read=0.20),
    "claude-sonnet-5-5": ModelPrice(input=2.0, output=10.0, cache_write=2.5, cache_read=0.10),
    "claude-haiku-5-5": ModelPrice(
        input=0.10,
        output=0.50,
        cache_write=0.125,
        cache_read=0.01,
        long_prompt_threshold_tokens=100_000,
        long_prompt=ModelPrice(input=0.50, output=2.50, cache_write=0.625, cache_read=0.05),
    ),
    "claude-fable-5": ModelPrice(input=10.0, output=50.0, cache_write=12.5, cache_read=1.0),
    "claude-opus-5": ModelPrice(input=5.0, output=25.0, cache_write=6.25, cache_read=0.50),
    "claude-sonnet-5": ModelPrice(input=2.0, output=10.0, cache_write=2.5, cache_read=0.20),
    "claude-opus-4-8": ModelPrice(input=5.0, output=25.0, cache_write=6.25, cache_read=0.50),
    "claude-opus-4-7": ModelPrice(input=5.0, output=25.0, cache_write=6.25, cache_read=0.50),
    "claude-opus-4-6": ModelPrice(input=5.0, output=25.0, cache_write=6.25, cache_read=0.50),
    "claude-sonnet-4-6": ModelPrice(input=3.0, output=15.0, cache_write=3.75, cache_read=0.30),
    "claude-haiku-4-5": ModelPrice(input=1.0, output=5.0, cache_write=1.25, cache_read=0.10),
    "claude-haiku-4-5-20251001": ModelPrice(input=1.0, output=5.0, cache_write=1.25, cache_read=0.10),
}
