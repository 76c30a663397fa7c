"""Large uploads stream to a temporary file that has no name on disk.

Django's own handler writes an upload above FILE_UPLOAD_MAX_MEMORY_SIZE to a
named file (/tmp/tmpXXXX.upload.docx) and deletes it when the request ends. A
worker killed mid-upload (a gunicorn timeout, the OOM killer, a restart) never
reaches that point, and the file stays in /tmp for good. `tempfile.TemporaryFile`
has no name (O_TMPFILE on Linux, unlinked at once elsewhere on POSIX): the kernel
frees it whenever the process lets go, however it ends. Storage copies it in
chunks instead of moving it, which for the sizes allowed (50 MB) costs little.
"""

import tempfile

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler


class AnonymousTemporaryUploadedFile(UploadedFile):
    def __init__(self, name, content_type, size, charset, content_type_extra=None):
        file = tempfile.TemporaryFile(dir=settings.FILE_UPLOAD_TEMP_DIR)
        super().__init__(file, name, content_type, size, charset, content_type_extra)


class AnonymousTemporaryFileUploadHandler(FileUploadHandler):
    """Streams an upload into an AnonymousTemporaryUploadedFile (FILE_UPLOAD_HANDLERS)."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.file = AnonymousTemporaryUploadedFile(
            self.file_name, self.content_type, 0, self.charset, self.content_type_extra)

    def receive_data_chunk(self, raw_data, start):
        self.file.write(raw_data)

    def file_complete(self, file_size):
        self.file.seek(0)
        self.file.size = file_size
        return self.file

    def upload_interrupted(self):
        if hasattr(self, "file"):
            self.file.close()
