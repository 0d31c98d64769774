"""What every HTML page the server writes begins with (the front page, GraphiQL's page)."""

from __future__ import annotations

__all__ = ["PAGE_START"]

# No braces here: the pages that follow it are filled in with str.format.
PAGE_START = """\
<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
"""
