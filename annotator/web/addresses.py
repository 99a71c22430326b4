"""Telling a web address from a path on the command line, without loading any HTTP code."""

from __future__ import annotations

import re

# scheme://... : a path never looks like this, so an ftp:// or file:// argument
# is refused as an address instead of being looked for as a file.
_ADDRESS = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def looks_like_address(value: str) -> bool:
    return bool(_ADDRESS.match(value.strip()))
