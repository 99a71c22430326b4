"""File > Export… in a main window.

Kept apart from ui/exchange/export_dialog.py so start-up imports neither the dialog
nor the exporters: they load the first time the user asks to export.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from ui.exchange.export_dialog import ExportDialog
    from ui.shell.host import Host


class ExportAction(QObject):
    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.host = host
        self.window = host.window
        host.add_action("file/exchange", "export", "&Export claims…", self.open, "Ctrl+E")

    def open(self) -> ExportDialog:
        from ui.exchange.export_dialog import ExportDialog

        dialog = ExportDialog(self.host.session, self.host.reader.article_id, self.window)
        dialog.finished.connect(lambda _r: self._report(dialog))
        dialog.open()
        return dialog

    def _report(self, dialog: ExportDialog) -> None:
        from ui.exchange.export_dialog import STATUS_MESSAGE_MS

        if dialog.written is not None:
            self.host.status(dialog.message.text(), STATUS_MESSAGE_MS)
