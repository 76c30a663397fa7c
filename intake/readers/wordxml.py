"""Small helpers for WordprocessingML XML, shared by the Word reader and its numbering."""

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"

# Elements that only wrap content (content controls, custom XML, tracked
# insertions, links): their children count as if they stood in the parent.
# Tracked deletions (w:del) are not among them: Word no longer shows them.
_WRAPPERS = {W + t for t in ("sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo",
                             "hyperlink", "fldSimple", "bdo", "dir")}


def _val(el, default=None):
    if el is None:
        return default
    return el.get(W + "val", default)


def _on(el) -> bool:
    """A w:ST_OnOff toggle such as <w:tblHeader/>: present and not switched off."""
    return el is not None and _val(el, "true") not in ("0", "false", "off")


def _children(el, tag: str):
    """Children named `tag`, looking through wrapper elements."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
