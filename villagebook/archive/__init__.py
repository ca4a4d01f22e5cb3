"""The archive on PostgreSQL (县级有档 beyond a laptop): the same packages, under the same
rules, landed in a PostgreSQL database by the same sync engine that applies them to a
book. See docs/archive.md."""
