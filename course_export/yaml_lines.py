"""YAML loading that remembers line numbers, so every message can name the line.

Mappings load as ``YDict`` (``.line``, ``.key_lines[key]``), sequences as ``YList`` (``.line``,
``.item_lines[i]``). Duplicate keys, which PyYAML silently accepts, are reported.
"""
import yaml

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YDict(dict):
    line = 0
    key_lines = None

    def line_of(self, key):
        return (self.key_lines or {}).get(key, self.line)


class YList(list):
    line = 0
    item_lines = None

    def line_of(self, index):
        lines = self.item_lines or []
        return lines[index] if index < len(lines) else self.line


class DuplicateKey(Exception):
    def __init__(self, key, line):
        super().__init__(key)
        self.key = key
        self.line = line


class _LineLoader(_Base):
    pass


def _construct_timestamp(loader, node):
    """A date YAML recognises by its shape but that does not exist (2026-13-02, 2026-02-30) stays the
    text the author wrote, so the field's own check reports it instead of a crash."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_PLAIN_STR_TAG = "tag:yaml.org,2002:str"


def _walk(loader, node, done=None, active=None):
    """The data of a composed node: the same result as the constructors above, without PyYAML's generic
    constructor bookkeeping (most of a build's YAML time). Other tags go through the loader, which refuses
    anything a SafeLoader refuses. As in PyYAML, a node reached again through an alias is built once and shared
    (so an alias "bomb" stays small), and a node that contains itself is refused."""
    tag = node.tag
    if tag == _PLAIN_STR_TAG and isinstance(node, yaml.ScalarNode):
        return node.value
    done = {} if done is None else done
    active = set() if active is None else active
    if id(node) in done:
        return done[id(node)]
    if id(node) in active:
        raise yaml.constructor.ConstructorError(None, None, "found a node that contains itself", node.start_mark)
    active.add(id(node))
    try:
        done[id(node)] = result = _build(loader, node, tag, done, active)
    finally:
        active.discard(id(node))
    return result


def _build(loader, node, tag, done, active):
    if tag == _MAP_TAG and isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result = YDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = _walk(loader, key_node, done, active)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(None, None, "a key must be plain text", key_node.start_mark)
            key = str(key) if not isinstance(key, str) else key
            if key in result:
                raise DuplicateKey(key, key_node.start_mark.line + 1)
            result[key] = _walk(loader, value_node, done, active)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result
    if tag == _SEQ_TAG and isinstance(node, yaml.SequenceNode):
        result = YList(_walk(loader, child, done, active) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result
    return loader.construct_object(node, deep=True)


def _load(text):
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _walk(loader, node)
    finally:
        loader.dispose()


def load_yaml(text, shown_name, errors, line_offset=0):
    """Parse YAML text. Returns the data or None after recording an error with its line.

    ``line_offset`` is the number of file lines before ``text`` (front matter starts on line 2).
    """
    first_line = line_offset + 1
    text = "\n" * line_offset + text      # so every recorded line is a line of the file
    line_offset = 0
    try:
        data = _load(text)
        if data is None:
            errors.add(shown_name, first_line, "empty_yaml")
        return data
    except DuplicateKey as exc:
        errors.add(shown_name, exc.line + line_offset, "yaml_duplicate_key", key=exc.key)
    except yaml.MarkedYAMLError as exc:
        key, mark = _explained(exc, text)
        if key:
            errors.add(shown_name, mark.line + 1, key)
            return None
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 0) + line_offset
        detail = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        errors.add(shown_name, line, "yaml_syntax", detail=detail)
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else first_line
        errors.add(shown_name, line, "yaml_bad_character", code=f"#x{exc.character:04x}"
                   if isinstance(exc.character, int) else str(exc.character))
    except yaml.YAMLError as exc:
        errors.add(shown_name, first_line, "yaml_syntax", detail=str(exc).splitlines()[0])
    except RecursionError:
        errors.add(shown_name, first_line, "yaml_syntax", detail="nested too deeply")
    return None


def _explained(exc, text):
    """(message key, mark) for the common mistakes PyYAML describes in its own English, else (None, None)."""
    context, problem = exc.context or "", exc.problem or ""
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return None, None
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    if "tab" in problem or "'\\t'" in problem or "\t" in line[:len(line) - len(line.lstrip())]:
        return "yaml_tab", mark
    if "quoted scalar" in context and exc.context_mark:
        return "yaml_quote", exc.context_mark          # where the quote opens, not the end of the file
    if ("flow sequence" in context or "flow mapping" in context) and exc.context_mark:
        return "yaml_bracket", exc.context_mark
    if "mapping values are not allowed" in problem:
        return "yaml_colon", mark
    if "expected '-' indicator" in problem or "expected <block end>" in problem or "expected key" in problem:
        return "yaml_indent", mark
    return None, None


def split_front_matter(text, shown_name, errors):
    """Split ``---\\n<yaml>\\n---\\n<body>``. Returns (meta_text, body, body_first_line) or None."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        errors.add(shown_name, 1, "front_matter_missing")
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            meta = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1:])
            return meta, body, index + 2
    errors.add(shown_name, 1, "front_matter_unclosed")
    return None
