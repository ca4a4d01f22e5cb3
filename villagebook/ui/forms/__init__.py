"""Generated from ../../forms/*.ui by `make forms` (pyside6-uic); do not edit."""
