"""The window: a thin layer of PySide6 widgets over core/ and storage/."""
