"""The persisted undo history: every edit recorded so it undoes after reopening.

service.py keeps the rows; actions.py and the kinds_* modules say how each kind
of edit is redone and undone; steps.py does, records, undoes and redoes them
(the window's one undo command and `annotator undo` both call it);
recording.py records the CLI's richer edits from what they changed.
"""
