"""Normalising unit names as they are printed in documents.

Pure functions, no database: the same unit appears as "区民政局 (区乡村振兴局)",
"区民政局（区乡村振兴局）" or with stray spaces from PDF extraction.
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """The form names are stored and compared in.

    NFKC folds full-width brackets and digits into their ASCII forms; all
    whitespace goes because extraction inserts it between characters.
    """
    folded = unicodedata.normalize("NFKC", name or "")
    return _SPACES.sub("", folded)
