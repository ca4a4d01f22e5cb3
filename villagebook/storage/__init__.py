"""Storage, free of Qt: the book file, its migrations, the change log and one module per record."""

from .book import Book, open_book

__all__ = ["Book", "open_book"]
