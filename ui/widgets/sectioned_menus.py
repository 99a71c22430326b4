"""A menu bar whose menus are split into named sections.

A caller puts an action at "menu/section" without knowing what else is in
the menu: each section after the first opens with a separator that stays put,
and an action goes in just before the next section's separator. Empty
sections leave no stray separators (Qt collapses them).
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar

# menu id -> (title, its sections in order)
MenuLayout = dict[str, tuple[str, tuple[str, ...]]]


class SectionedMenus:
    """The menus of one bar, by id, and where each section starts."""

    def __init__(self, bar: QMenuBar, layout: MenuLayout) -> None:
        self._layout = layout
        self._menus: dict[str, QMenu] = {}
        self._anchors: dict[str, dict[str, QAction]] = {}
        for menu_id, (title, sections) in layout.items():
            menu = bar.addMenu(title)
            menu.setSeparatorsCollapsible(True)
            self._menus[menu_id] = menu
            self._anchors[menu_id] = {section: menu.addSeparator() for section in sections[1:]}

    def menu(self, menu_id: str) -> QMenu:
        return self._menus[menu_id]

    def section_start(self, where: str) -> QAction | None:
        """The separator that opens a section ("file/import"); None for a first section."""
        menu_id, _, section = where.partition("/")
        return self._anchors[menu_id].get(section)

    def insert(self, where: str | QMenu, action: QAction) -> None:
        """At the end of the section ("menu/section", or "menu": its last one), or of a submenu."""
        if isinstance(where, QMenu):
            where.addAction(action)
            return
        menu_id, _, section = where.partition("/")
        menu = self._menus[menu_id]
        sections = self._layout[menu_id][1]
        index = sections.index(section) if section else len(sections) - 1
        following = sections[index + 1] if index + 1 < len(sections) else None
        if following is None:
            menu.addAction(action)
        else:
            menu.insertAction(self._anchors[menu_id][following], action)
