"""Files protected with a password: what a locked book writes out with personal data in
it (the register workbook, household cards, the register as PDF) is protected too, and a
protected list is read once its password is given. Workbooks as Excel and WPS protect them
(ECMA-376 agile encryption, AES-256, through msoffcrypto-tool); PDFs with the standard
security handler's AES-256 (through pypdf), which PDF readers ask the password for.

The plain file exists only in the program's own temporary folder (``scratch``), which the
program empties as it goes and the next start sweeps after a crash; the file that leaves
the laptop is written under a temporary name and renamed into place.
"""

from __future__ import annotations

import contextlib
import shutil
import struct
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from ..core.errors import BookError
from ..storage import scratch
from ..storage.files import replace_atomically

T = TypeVar("T")


def is_protected(path: str | Path) -> bool:
    """Whether the file is an Office document protected with a password."""
    import msoffcrypto  # with cryptography: read when a workbook is imported or protected

    try:
        with open(path, "rb") as handle:
            return bool(msoffcrypto.OfficeFile(handle).is_encrypted())
    except Exception:  # not an Office file at all: the import says what it is
        return False


def write_protected(target: str | Path, password: str | None,
                    write: Callable[[Path], T]) -> T:
    """Call ``write(plain_path)`` to make the file (a workbook or a PDF, by ``target``'s
    suffix), then put it at ``target`` protected with ``password``; returns what
    ``write`` returned. Nothing is left at ``target`` (or in the temporary folder) when
    either step fails. With ``password`` None the file is written plain, straight to
    ``target`` (``write`` writes atomically, as every writer of the program does)."""
    if password is None:
        return write(Path(target))
    encrypt = _ENCRYPTERS[Path(target).suffix.lower()]
    with _private_folder() as folder:
        plain = folder / Path(target).name
        result = write(plain)
        with replace_atomically(target) as tmp:
            encrypt(plain, tmp, password)
    return result


def _encrypt_workbook(plain: Path, out: Path, password: str) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    with open(plain, "rb") as source, open(out, "wb") as target:
        OOXMLFile(source).encrypt(password, target)


def _encrypt_pdf(plain: Path, out: Path, password: str) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password=password, algorithm="AES-256")
    with open(out, "wb") as target:
        writer.write(target)


_ENCRYPTERS: dict[str, Callable[[Path, Path, str], None]] = {
    ".xlsx": _encrypt_workbook, ".pdf": _encrypt_pdf}


@contextlib.contextmanager
def unprotected(path: str | Path, password: str) -> Iterator[Path]:
    """A readable copy of the protected workbook at ``path``, under its own name, for as
    long as the ``with`` lasts. ``BookError('file.wrong_password')`` when the password
    does not open it."""
    path = Path(path)
    with _private_folder() as folder:
        yield open_copy(path, password, folder)


def open_copy(path: Path, password: str, folder: Path) -> Path:
    """Decrypt the protected workbook at ``path`` into ``folder`` (under its own name);
    the caller removes the copy (see ``unprotected``, ``private_folder``)."""
    import msoffcrypto
    from msoffcrypto import exceptions

    copy = folder / path.name
    try:
        with open(path, "rb") as handle, open(copy, "wb") as out:
            document = msoffcrypto.OfficeFile(handle)
            document.load_key(password=password)
            document.decrypt(out)
    except exceptions.InvalidKeyError as error:
        copy.unlink(missing_ok=True)
        raise BookError("file.wrong_password", name=path.name) from error
    except (exceptions.DecryptionError, exceptions.FileFormatError, exceptions.ParseError,
            ValueError, EOFError, OSError, struct.error) as error:
        # damaged (cut short: the reader's own ValueError), or a protection not known
        copy.unlink(missing_ok=True)
        raise BookError("import.not_workbook", name=path.name) from error
    except BaseException:
        copy.unlink(missing_ok=True)
        raise
    return copy


def private_folder() -> Path:
    """A new folder of this process's own inside the program's temporary folder (the
    caller removes it with ``shutil.rmtree``; the next start sweeps it after a crash)."""
    return Path(tempfile.mkdtemp(prefix="protected-", dir=scratch.claim()))


@contextlib.contextmanager
def _private_folder() -> Iterator[Path]:
    folder = private_folder()
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
