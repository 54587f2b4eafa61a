"""YAML loading that remembers line numbers, so every message can name the line.

Mappings load as ``YDict`` (``.line``, ``.key_lines[key]``), sequences as ``YList`` (``.line``,
``.item_lines[i]``). Duplicate keys, which PyYAML silently accepts, are reported.
"""
import re

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
        errors.add(shown_name, line, "yaml_syntax", detail=yaml_detail(exc.context, exc.problem))
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else first_line
        errors.add(shown_name, line, "yaml_bad_character", code=f"#x{exc.character:04x}"
                   if isinstance(exc.character, int) else str(exc.character))
    except yaml.YAMLError as exc:
        errors.add(shown_name, first_line, "yaml_syntax", detail=yaml_detail(None, str(exc).splitlines()[0]))
    except RecursionError:
        errors.add(shown_name, first_line, "yaml_syntax",
                   detail={"en": "nested too deeply", "sv": "för djupt nästlad"})
    return None


# PyYAML's and libyaml's own (English) phrases, in Swedish; %s stands for a quoted character or token.
_YAML_SV = (
    ("while parsing a block mapping", "i en samling nyckel: värde"),
    ("while parsing a block collection", "i en lista"),
    ("while parsing a flow mapping", "i en {{…}}-samling"),
    ("while parsing a flow sequence", "i en […]-lista"),
    ("while parsing a block node", "i ett värde"),
    ("while parsing a flow node", "i ett värde"),
    ("while parsing a node", "i ett värde"),
    ("while scanning a simple key", "i en nyckel"),
    ("while scanning for the next token", "vid nästa tecken"),
    ("while scanning a block scalar", "i ett textblock (| eller >)"),
    ("while parsing a block sequence", "i en lista"),
    ("while parsing a flow mapping", "i en {{…}}-samling"),
    ("while parsing document start", "i början av dokumentet"),
    ("while scanning a quoted scalar", "i en text inom citattecken"),
    ("while scanning a plain scalar", "i en text"),
    ("while scanning a block scalar", "i ett textblock (| eller >)"),
    ("while scanning an alias", "i ett alias (*)"),
    ("while scanning an anchor", "i ett ankare (&)"),
    ("while scanning a tag", "i en tagg (!)"),
    ("while scanning a directive", "i ett direktiv (%)"),
    ("while constructing a mapping", "i en samling nyckel: värde"),
    ("did not find expected key", "väntade en nyckel men hittade ingen"),
    ("did not find expected '-' indicator", "väntade en listpost ('- ') men hittade ingen"),
    ("did not find expected node content", "väntade ett värde men hittade inget"),
    ("did not find expected ',' or ']'", "väntade ',' eller ']'"),
    ("did not find expected ',' or '}'", "väntade ',' eller '}}'"),
    ("did not find expected comment or line break", "väntade radbrytning eller kommentar"),
    ("could not find expected ':'", "hittade inte det kolon som ska följa nyckeln"),
    ("mapping values are not allowed in this context", "ett kolon följt av mellanslag är inte tillåtet här"),
    ("mapping values are not allowed here", "ett kolon följt av mellanslag är inte tillåtet här"),
    ("block sequence entries are not allowed in this context", "en listpost ('- ') är inte tillåten här"),
    ("found character that cannot start any token", "tecknet kan inte inleda något värde"),
    ("found character %s that cannot start any token", "tecknet %s kan inte inleda något värde"),
    ("found unexpected end of stream", "filen tar slut mitt i ett värde"),
    ("found unexpected ':'", "oväntat kolon"),
    ("found undefined alias", "aliaset är inte definierat"),
    ("found undefined alias %s", "aliaset %s är inte definierat"),
    ("found unknown escape character", "okänd escape-sekvens (\\)"),
    ("found unknown escape character %s", "okänd escape-sekvens %s"),
    ("found a tab character that violates indentation", "ett tabbtecken bryter mot indraget"),
    ("found a tab character where an indentation space is expected",
     "ett tabbtecken där ett mellanslag för indrag väntades"),
    ("found unhashable key", "nyckeln kan inte användas som nyckel"),
    ("found duplicate anchor", "ankaret finns två gånger"),
    ("expected <block end>, but found %s", "väntade slutet på blocket men hittade %s"),
    ("expected <document start>, but found %s", "väntade början på dokumentet men hittade %s"),
    ("expected ',' or ']', but got %s", "väntade ',' eller ']' men hittade %s"),
    ("expected ',' or '}', but got %s", "väntade ',' eller '}}' men hittade %s"),
    ("expected ':', but found %s", "väntade ':' men hittade %s"),
    ("expected a comment or a line break, but found %s", "väntade radbrytning eller kommentar men hittade %s"),
    ("expected alphabetic or numeric character, but found %s", "väntade bokstav eller siffra men hittade %s"),
    ("did not find expected alphabetic or numeric character", "väntade bokstav eller siffra"),
    ("expected a single document in the stream", "filen får bara innehålla ett YAML-dokument"),
    ("but found another document", "men hittade ett till dokument (---)"),
    ("found a node that contains itself", "ett värde innehåller sig självt"),
    ("a key must be plain text", "en nyckel måste vara vanlig text"),
    ("could not determine a constructor for the tag %s", "taggen %s är inte tillåten"),
)
_YAML_SV_PATTERNS = [(re.compile("^" + re.escape(en).replace("%s", "(.+?)") + "$"), sv) for en, sv in _YAML_SV]


def _yaml_sv(phrase):
    phrase = phrase.strip()
    for pattern, sv in _YAML_SV_PATTERNS:
        match = pattern.match(phrase)
        if match:
            return sv.replace("{{", "{").replace("}}", "}").replace("%s", match.group(1) if match.groups() else "")
    return None


def yaml_detail(context, problem):
    """The parser's explanation as {"en": …, "sv": …}; the Swedish falls back to a general sentence for a
    phrase not in the table (never English in a Swedish message)."""
    parts = [str(part) for part in (context, problem) if part]
    english = " ".join(parts)
    swedish = [_yaml_sv(part) for part in parts]
    if any(part is None for part in swedish) or not swedish:
        swedish = ["YAML-tolken kan inte läsa texten här"]
    return {"en": english, "sv": ", ".join(swedish)}


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
