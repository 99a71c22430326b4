"""Web addresses in the window: File > Import from address…, Article > Check for changes."""
