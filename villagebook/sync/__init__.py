"""Sync by package: village ⇄ township files that never lose an edit (no Qt here).

``keys`` (this installation's keys, pairing cards), ``package`` (the file format),
``peers`` (who this book is paired with), ``export`` (what a package carries) and
``apply`` (verify, order, merge, report). The format: docs/sync-format.md.
"""
