import re
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, task, write
load(Path(__file__).parent / "source.txt")
# A tender site's copy of a district news item + congress announcement (公告第2号) in which the site
# masked place names and words with "**"/"****" (a paywall). The ten projects "1.…10." are one line
# each, names only: ten tasks, text as printed with the masks (they are not numbers, NOTES 占位符);
# "2024年" in a name is part of the name, not a target. The news paragraphs (the 区政府's promise to
# carry them out) are no tasks. Signer masked ("**市**区第六届人民代表大会") → issuer null; the year is
# the projects' 2025, the announcement's date 2025-03-21.
src = Path(__file__).parent.joinpath("source.txt").read_text(encoding="utf-8").splitlines()
lines = [ln for ln in src if re.match(r"\d+\.", ln)]
assert len(lines) == 10
write(__file__, {"title": "**市**区人民代表大会公告", "doc_number": "第2号", "issued_on": "2025-03-21",
                 "year": 2025},
      [task(ln.split(".", 1)[0], span(ln.split(".", 1)[1])) for ln in lines])
