"""The neutral form every reader produces and every interpreter reads.

A document is an ordered list of blocks: paragraphs and tables. Readers
resolve what is specific to a file format (Word numbering, merged cells,
PDF page furniture) so interpreters see only text in rows and paragraphs.
"""

from dataclasses import dataclass, field


@dataclass
class Paragraph:
    text: str
    # Outline level from a heading style (1 = 一级标题), None for body text.
    level: int | None = None
    # A number Word draws automatically (not in the text runs), e.g. "1." or "（一）".
    number: str | None = None
    location: str = ""  # where it stands in the file, for people: "第12段", "第3页"

    @property
    def full_text(self) -> str:
        return f"{self.number}{self.text}" if self.number else self.text


@dataclass
class Cell:
    """One cell; several paragraphs in a Word cell stay separate."""

    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p for p in self.paragraphs if p)

    @classmethod
    def of(cls, text: str) -> "Cell":
        return cls([text] if text else [])


@dataclass
class Row:
    cells: list[Cell]
    location: str = ""  # "第3行", "第2页 第4行"
    # The row follows a page break (a repeated header was dropped before it).
    # Whether it continues the row above or starts a new one is for the
    # interpreter to decide: that depends on which columns are empty.
    after_page_break: bool = False
    # Each cell is known to stand in its own column (a flattened table rebuilt line by line).
    in_place: bool = False

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass
class Table:
    header: list[str]
    rows: list[Row] = field(default_factory=list)
    location: str = ""  # "表1", "工作表“附件1”"


@dataclass
class Document:
    name: str
    kind: str  # "txt" | "docx" | "pdf" | "xlsx" | "template"
    blocks: list[Paragraph | Table] = field(default_factory=list)
    # What the reader had to repair, in Chinese for the review page (bytes replaced in a text file).
    warnings: list[str] = field(default_factory=list)
    # Xiezuo's own Excel template, read cell by cell (readers/template.py): no interpreting.
    template: object | None = None

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
