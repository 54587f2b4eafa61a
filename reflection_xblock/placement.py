"""Where a journal block sits in the course: the module it belongs to and its position, for "Min loggbok".

The block's ``module_name`` setting wins. Otherwise the runtime is asked for the block's ancestors (unit ->
subsection -> section in the LMS); the section's (chapter's) display name is the module, and the positions
along the way order the course-wide journal. Runtimes that cannot tell (the workbench, a library, an error)
give ``("", [])``: the journal then groups the block under "Övrigt" and orders it by date.
"""
import logging

log = logging.getLogger(__name__)
MAX_DEPTH = 6


def _position(parent, child):
    children = list(getattr(parent, "children", None) or [])
    try:
        return children.index(child.scope_ids.usage_id)
    except ValueError:
        return None


def placement(block):
    """``(module label, [positions from the course down to the block])``."""
    chain = []
    node = block
    try:
        for _ in range(MAX_DEPTH):
            parent = node.get_parent()
            if parent is None:
                break
            position = _position(parent, node)
            if position is None:
                return "", []
            chain.append((parent, position))
            node = parent
    except Exception:  # pylint: disable=broad-except  # any runtime's failure means "unknown", never a 500
        log.warning("Could not read the course position of a journal block", exc_info=True)
        return "", []
    chain.reverse()
    course_level = [p for p, _ in chain if getattr(getattr(p, "scope_ids", None), "block_type", "") == "course"]
    if not course_level:
        return "", []
    # chain[0] is the course; chain[1] (if any) the chapter = the module.
    module = ""
    if len(chain) > 1:
        module = getattr(chain[1][0], "display_name", "") or ""
    return (module if isinstance(module, str) else ""), [position for _, position in chain]
