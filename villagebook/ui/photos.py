"""Photos of a visit: chosen from a file, reduced with Qt before they are stored (the core
only checks what arrives), shown as thumbnails."""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import Issue, ValidationFailed, VillagebookError
from ..storage.book import Book
from ..storage.photos import MAX_SIDE, add_photo, list_photos, photo_data, remove_photo
from .dialogs import error_label
from .messages import describe, describe_error

MAX_FILE_BYTES = 40 * 1024 * 1024
MAX_PIXELS = 120_000_000  # a picture bigger than this is refused before it is decoded
JPEG_QUALITY = 82


def reduce_photo(path: str) -> tuple[bytes, str, int, int]:
    """Read an image file and reduce it to at most ``MAX_SIDE`` pixels a side, as JPEG."""
    name = os.path.basename(path)
    reader = QImageReader(path)
    reader.setAutoTransform(True)  # phones store the rotation apart from the pixels
    if not reader.canRead():
        raise ValidationFailed([Issue("photo.not_image", "photo", {"name": name})])
    size = reader.size()
    if os.path.getsize(path) > MAX_FILE_BYTES or size.width() * size.height() > MAX_PIXELS:
        raise ValidationFailed([Issue("photo.huge", "photo", {"name": name})])
    if max(size.width(), size.height()) > MAX_SIDE:
        reader.setScaledSize(size.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio))
    image: QImage = reader.read()
    if image.isNull():
        raise ValidationFailed([Issue("photo.not_image", "photo", {"name": name})])
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_RGB32).save(  # type: ignore[call-overload]
        buffer, "JPEG", JPEG_QUALITY)  # (the stubs want a file name; a QIODevice works)
    return bytes(data.data()), "image/jpeg", image.width(), image.height()


class PhotosDialog(QDialog):
    """The photos of one visit: add from a file, remove, double-click to see large."""

    def __init__(self, book: Book, visit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.visit_id = visit_id
        self.setWindowTitle(self.tr("Photos of the visit"))
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(160, 160))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.itemDoubleClicked.connect(self.show_large)
        layout.addWidget(self.list)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add photos…"))
        self.add_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Remove photo"))
        self.remove_button.clicked.connect(self.remove)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for photo in list_photos(self.book, self.visit_id):
            pixmap = QPixmap()
            data = photo_data(self.book, photo["id"])
            pixmap.loadFromData(data)
            name = photo["file_name"] or ""
            if not data:  # a county's book keeps a photo's hash; the photo stays there
                name = self.tr("{name} (the photo is kept in the township's book)").format(
                    name=name)
            item = QListWidgetItem(QIcon(pixmap), name)
            item.setData(Qt.ItemDataRole.UserRole, photo["id"])
            self.list.addItem(item)

    def add_files(self, paths: list[str]) -> int:
        """Reduce and keep each file; problems are listed, good files are kept."""
        problems, added = [], 0
        for path in paths:
            try:
                data, mime, width, height = reduce_photo(path)
                add_photo(self.book, self.visit_id, data, mime, width, height,
                          os.path.basename(path))
                added += 1
            except ValidationFailed as failed:
                problems += ["✖ " + describe(i) for i in failed.issues]
            except VillagebookError as error:
                problems.append("✖ " + describe_error(error))
        self.error.setText("\n".join(problems))
        self.refresh()
        return added

    def choose(self) -> None:
        from .exports import chosen, start_in

        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add photos"), start_in(),
                                                self.tr("Pictures (*.jpg *.jpeg *.png);;"
                                                        "All files (*)"))
        if paths and chosen(paths[0]):
            self.add_files(paths)

    def remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            remove_photo(self.book, item.data(Qt.ItemDataRole.UserRole))
            self.refresh()

    def show_large(self, item: QListWidgetItem) -> None:
        data = photo_data(self.book, item.data(Qt.ItemDataRole.UserRole))
        if not data:
            return  # kept in the township's book
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        view = QDialog(self)
        view.setWindowTitle(item.text())
        label = QLabel()
        label.setPixmap(pixmap.scaled(1000, 700, Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation))
        QVBoxLayout(view).addWidget(label)
        view.exec()
