"""Errors an office can act on: what is wrong, where, and what to do."""


class IntakeError(Exception):
    """A file that cannot be read as an issued document.

    `message` is Chinese and says what is wrong and what to do; `where`
    names the file and, when known, the page, row or field.
    """

    def __init__(self, message: str, where: str = ""):
        self.message = message
        self.where = where
        super().__init__(f"{where}：{message}" if where else message)
