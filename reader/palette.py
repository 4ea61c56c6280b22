"""Highlight colours and what they mean to the user (任务, 时限, 责任单位 …).

Colours are stored by key; the meaning of each key is the user's (settings ``palette``), so
renaming a meaning never touches stored highlights.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Colour:
    key: str
    hex: str
    meaning: str


DEFAULT_PALETTE: tuple[Colour, ...] = (
    Colour("yellow", "#ffe066", "重点"),
    Colour("red", "#ff8a80", "时限"),
    Colour("green", "#b9f6ca", "任务"),
    Colour("blue", "#90caf9", "责任单位"),
    Colour("purple", "#d1b3ff", "待办"),
)
DEFAULT_COLOUR = DEFAULT_PALETTE[0].key


def palette(meanings: dict[str, str] | None = None) -> list[Colour]:
    """The palette with the user's meanings applied."""
    meanings = meanings or {}
    return [Colour(c.key, c.hex, meanings.get(c.key) or c.meaning) for c in DEFAULT_PALETTE]


def resolve(name: str, meanings: dict[str, str] | None = None) -> str | None:
    """A colour key from a key (``red``), a meaning (``时限``) or a hex value."""
    for c in palette(meanings):
        if name.lower() in (c.key, c.hex.lower()) or name == c.meaning:
            return c.key
    return None
