"""Web addresses as a source: fetching a page the user asked for, its archived copy, refetching.

Only an address the user gives is ever fetched, once per request; nothing
found inside a page (links, images, scripts, a canonical link) is followed.
"""
