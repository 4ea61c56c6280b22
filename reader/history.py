"""Back and forward between places in the library, as a browser keeps them.

Plain Python (no Qt, no library): the window hands it the place it is leaving and gets back the
place to go to; what a place is (a document and a position in it) is the caller's business.
"""

from __future__ import annotations

from typing import Generic, TypeVar

Place = TypeVar("Place")


class History(Generic[Place]):
    """Two stacks: ``back`` holds where the reader came from, ``forward`` where they went back from."""

    def __init__(self, limit: int = 200) -> None:
        self.limit = limit
        self._back: list[Place] = []
        self._forward: list[Place] = []

    def visit(self, left: Place) -> None:
        """The reader left ``left`` for somewhere new: it is one step back; forward is gone."""
        self._back.append(left)
        del self._back[: -self.limit]
        self._forward.clear()

    def back(self, here: Place | None) -> Place | None:
        """The place one step back (``here`` becomes one step forward), or None at the start."""
        return self._step(self._back, self._forward, here)

    def forward(self, here: Place | None) -> Place | None:
        """The place one step forward (``here`` becomes one step back), or None at the end."""
        return self._step(self._forward, self._back, here)

    @staticmethod
    def _step(source: list[Place], target: list[Place], here: Place | None) -> Place | None:
        if not source:
            return None
        if here is not None:
            target.append(here)
        return source.pop()

    @property
    def can_go_back(self) -> bool:
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        return bool(self._forward)
