class AssessmentError(Exception):
    """An assessment action refused; the message says what is wrong, in Chinese."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
