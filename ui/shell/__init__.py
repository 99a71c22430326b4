"""The window itself: menus, docks, the status bar, the open project's session,
undo, settings and the watcher for changes made outside the window."""
