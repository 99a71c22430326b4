"""What colour claims are painted in: by stance, side or verdict, from the codebook.

One ColourScheme per window, shared by every reader pane, the claims panel's
swatches and the legend, so a switch of mode repaints them all alike.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from annotator.models import Changes, Claim
from ui.reader.highlighter import MODES, NEUTRAL_COLOUR, Palette
from ui.shell import settings
from ui.shell.session import ProjectSession

MODE_LABELS = {"stance": "Stance", "side": "Side", "verdict": "Verdict"}
SETTINGS_KEY = "claims/colour_by"
SWATCH_SIZE = 12


class ColourScheme(QObject):
    """The current colouring mode and the codebook's colours, kept up to date."""

    changed = Signal(object)  # Palette

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        stored = settings.settings().value(SETTINGS_KEY, "stance")
        self._mode = stored if stored in MODES else "stance"
        self.palette = Palette()
        self.reload()
        session.changed.connect(self._on_changed)
        session.project_replaced.connect(self.reload)

    @property
    def mode(self) -> str:
        return self._mode

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown colour mode {mode!r} (use one of: {', '.join(MODES)})")
        if mode != self._mode:
            self._mode = mode
            settings.settings().setValue(SETTINGS_KEY, mode)
            self.reload()

    def entries(self) -> list[tuple[str, str]]:
        """(name, colour) of the values of the current mode's kind, in codebook order."""
        return [(e.name, e.colour) for e in self._session.project.codebook.entries(self._mode)]

    def reload(self) -> None:
        colours = {e.id: e.colour for e in self._session.project.codebook.entries(self._mode)}
        self.palette = Palette(self._mode, colours)
        self.changed.emit(self.palette)

    def _on_changed(self, changes: Changes) -> None:
        if changes.codebook or changes.everything:
            self.reload()

    def colour_of_claim(self, claim: Claim) -> str:
        value = {"side": claim.side_id, "stance": claim.stance_id, "verdict": claim.verdict_id}[
            self._mode
        ]
        return NEUTRAL_COLOUR if value is None else self.palette.colours.get(value, NEUTRAL_COLOUR)


_SWATCHES: dict[tuple[str, int], QIcon] = {}


def swatch(colour: str, size: int = SWATCH_SIZE) -> QIcon:
    """A small square of colour (cached: a table asks for one per row it paints)."""
    icon = _SWATCHES.get((colour, size))
    if icon is None:
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor(colour))
        icon = _SWATCHES[(colour, size)] = QIcon(pixmap)
    return icon


class Legend(QWidget):
    """A row of colour chips naming what each colour means right now."""

    def __init__(self, scheme: ColourScheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Colour legend")
        self._scheme = scheme
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 0, 6, 0)
        self._layout.setSpacing(10)
        scheme.changed.connect(lambda _palette: self.refresh())
        self.refresh()

    def labels(self) -> list[str]:
        return [
            w.text()
            for w in self.findChildren(QLabel)
            if w.objectName() == "legend-text" and w.parent() is self
        ]

    def refresh(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
                widget.setParent(None)
        for name, colour in [*self._scheme.entries(), ("untagged", NEUTRAL_COLOUR)]:
            chip = QLabel(self)
            chip.setPixmap(swatch(colour).pixmap(QSize(SWATCH_SIZE, SWATCH_SIZE)))
            text = QLabel(name, self)
            text.setObjectName("legend-text")
            text.setAlignment(Qt.AlignmentFlag.AlignVCenter)
            self._layout.addWidget(chip)
            self._layout.addWidget(text)
        self._layout.addStretch(1)
