"""A strict, line-aware YAML reader for front matter and configuration.

PyYAML's SafeLoader follows YAML 1.1, whose implicit types are traps for people
who write acts by hand: `yes`/`no`/`on`/`off` become booleans, `0123` becomes the
octal 83, `1:30` becomes 90, and `2026-02-30` raises a ValueError without any line.
This loader resolves only `null`, `true`/`false` and decimal integers; everything
else stays a string and the schema parses it (dates included). Decimal numbers stay
strings too: `nomenclature: 7.10` is the matière 7.10, not the float 7.1, and no
field of an act or of the configuration is a decimal number.

It refuses aliases (a "billion laughs" document cannot expand), duplicate keys,
and nesting deeper than MAX_DEPTH, and records the line of every node so that
problems can name the line of the field they are about.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import yaml

MAX_DEPTH = 24

Path = tuple  # a path into the document: ("signataire", "nom"), ("seance", "presents", 2)


from yaml.loader import Composer, Parser, Reader, Scanner


class _PyParser(Reader, Scanner, Parser, Composer):
    def __init__(self, stream):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)


try:  # libyaml's parser is ~10x faster; both give the same nodes and marks.
    from yaml.cyaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = _PyParser


class _TooDeep(Exception):
    def __init__(self, mark: yaml.Mark | None):
        super().__init__()
        self.mark = mark


class StrictLoader(_PyParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    """A safe loader with a reduced set of implicit types (see module docstring).
    Pure Python: it stops composing past MAX_DEPTH (a RecursionError is caught too),
    before the scanner's cost, quadratic in the depth of open brackets, adds up."""

    yaml_implicit_resolvers: dict = {}

    def __init__(self, stream):
        _PyParser.__init__(self, stream)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH + 1:
                raise _TooDeep(self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class FastStrictLoader(_CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    """The same loader on libyaml. libyaml composes recursively in C and crashes the
    process on very deep nesting, so it only reads text that `_looks_shallow`."""

    def __init__(self, stream):
        _CParser.__init__(self, stream)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)


def _looks_shallow(text: str, limit: int = 48) -> bool:
    """An over-estimate of the nesting depth: open brackets anywhere (quoted ones
    included) plus the deepest indentation or "- - -" run on one line."""
    opened = text.count("[") + text.count("{")
    deepest = opened  # the depth never exceeds the number of brackets opened
    if opened > limit:  # rare: measure the real depth
        depth = deepest = 0
        for char in text:
            if char in "[{":
                depth += 1
                deepest = max(deepest, depth)
            elif char in "]}":
                depth -= 1
    if deepest > limit:
        return False
    for line in text.splitlines():
        stripped = line.lstrip(" -")
        if len(line) - len(stripped) + deepest > limit:
            return False
    return True


def _add_resolver(tag: str, pattern: str, first: list[str]) -> None:
    StrictLoader.add_implicit_resolver(tag, re.compile(pattern), first)


_add_resolver("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF"))
_add_resolver("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""])
_add_resolver("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", list("-+0123456789"))
# Even an explicit !!timestamp stays a string: dates are parsed by the schema.
StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.constructor.SafeConstructor.construct_yaml_str)
FastStrictLoader.yaml_implicit_resolvers = StrictLoader.yaml_implicit_resolvers
FastStrictLoader.yaml_constructors = StrictLoader.yaml_constructors

_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_DECIMAL = StrictLoader.yaml_implicit_resolvers["0"][0][1]  # the int resolver's own pattern


def _resolve(self, kind, value, implicit):
    """Resolver.resolve for our few implicit types, without its generic machinery
    (no path resolvers, no wildcard resolvers): called for every untagged node."""
    if kind is yaml.ScalarNode:
        if implicit[0]:
            for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                if regexp.match(value):
                    return tag
        return _STR_TAG
    if kind is yaml.SequenceNode:
        return self.DEFAULT_SEQUENCE_TAG
    return self.DEFAULT_MAPPING_TAG


StrictLoader.resolve = _resolve
FastStrictLoader.resolve = _resolve


@dataclass
class YamlIssue:
    """A problem found while reading YAML, with its 1-based line in the text given."""

    line: int
    field: str
    message: str


@dataclass
class YamlDocument:
    data: object
    lines: dict[Path, int] = field(default_factory=dict)  # path -> 1-based line of the value
    key_lines: dict[Path, int] = field(default_factory=dict)  # path -> 1-based line of the key


def dotted(path: Path) -> str:
    """("seance", "presents", 2) -> "seance.presents[2]"."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "en-tête"


def _french_yaml_error(exc: yaml.MarkedYAMLError, text: str) -> str:
    problem = (exc.problem or exc.context or "").strip()
    if problem.startswith("found character") and "cannot start any token" in problem:
        # libyaml does not name the character: read it at the mark.
        mark = exc.problem_mark
        char = text[mark.index] if mark is not None and 0 <= mark.index < len(text) else ""
        if char == "\t":
            return "erreur de syntaxe YAML : tabulation interdite : indenter avec des espaces"
        if char.strip():
            return (f"erreur de syntaxe YAML : caractère « {char} » inattendu en début de valeur "
                    "(mettre la valeur entre guillemets)")
    known = {
        "found character '\\t' that cannot start any token": "tabulation interdite : indenter avec des espaces",
        "found character that cannot start any token": "caractère inattendu (tabulation ? indenter avec des espaces)",
        "did not find expected ',' or ']'": "crochet « ] » ou virgule manquant",
        "did not find expected ',' or '}'": "accolade « } » ou virgule manquante",
        "expected ',' or ']'": "crochet « ] » ou virgule manquant",
        "expected ',' or '}'": "accolade « } » ou virgule manquante",
        "did not find expected node content": "valeur illisible (la mettre entre guillemets)",
        "expected the node content": "valeur illisible (la mettre entre guillemets)",
        "but found another document": "ligne « --- » en trop (un seul en-tête YAML attendu)",
        "expected <block end>": "clé attendue (indentation incorrecte ?)",
        "did not find expected key": "clé attendue (indentation incorrecte ?)",
        "did not find expected '-' indicator": "tiret « - » attendu (indentation de la liste incorrecte ?)",
        "found unexpected ':'": "« : » inattendu (mettre la valeur entre guillemets)",
        "found a tab character": "tabulation interdite : indenter avec des espaces",
        "mapping values are not allowed": "« : » inattendu (une valeur contenant « : » doit être entre guillemets)",
        "could not find expected ':'": "« : » manquant après une clé",
        "found unexpected end of stream": "fin du texte inattendue (guillemet ou crochet non fermé ?)",
        "found undefined alias": "alias YAML non défini",
    }
    for english, french in known.items():
        if problem.startswith(english):
            return f"erreur de syntaxe YAML : {french}"
    # Rarer errors, by what the parser was reading (libyaml and PyYAML word them differently).
    where = f"{exc.context or ''} {problem}"
    for words, french in _THEMES:
        if any(word in where for word in words):
            return f"erreur de syntaxe YAML : {french}"
    return ("erreur de syntaxe YAML : texte illisible à cet endroit "
            "(vérifier l'indentation, les guillemets et les « : »)")


_THEMES = (
    (("directive",), "« % » inattendu en début de ligne ou de valeur (mettre la valeur entre guillemets)"),
    (("tag",), "« ! » inattendu en début de valeur (mettre la valeur entre guillemets)"),
    (("anchor", "alias"), "« & » ou « * » inattendu en début de valeur (mettre la valeur entre guillemets)"),
    (("escape", "hexdecimal", "hexadecimal"),
     "séquence « \\ » inconnue entre guillemets doubles (utiliser des guillemets simples)"),
    (("document indicator", "document start", "document end"), "ligne « --- » ou « ... » inattendue"),
    (("block scalar", "indentation indicator"), "bloc « | » ou « > » mal indenté"),
    (("quoted scalar",), "guillemet mal placé ou non fermé"),
    (("not allowed in this context", "not allowed here", "block end", "block mapping", "block collection",
      "block sequence"), "indentation incorrecte"),
    (("flow sequence", "flow mapping"), "crochet ou accolade mal placé (mettre la valeur entre guillemets)"),
)


_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


class _Composer:
    """Builds Python data from a composed node tree, keeping lines and checking keys."""

    def __init__(self, loader: StrictLoader, line_offset: int, text: str):
        self.loader = loader
        self.offset = line_offset + 1
        # YAML also breaks lines at "\r", U+0085, U+2028 and U+2029, and counts one
        # more line at the end of a text without a final "\n"; libyaml does not count
        # a byte order mark in its positions. Only then are lines counted from the
        # positions of "\n" (see _line_at), as they always were.
        self.text, self.length = text, len(text)
        self.parser_lines = not _IRREGULAR.search(text)
        self.newlines: list[int] | None = None
        self.issues: list[YamlIssue] = []
        self.doc = YamlDocument(None)
        self.seen: set[int] = set()  # ids of nodes met: an alias is a node met twice
        self.alias_reported = False

    def line(self, node: yaml.Node) -> int:
        mark = node.start_mark
        if self.parser_lines and mark.index < self.length:
            return mark.line + self.offset  # "\n" is the only line break: the parser's count is ours
        if self.newlines is None:
            self.newlines = _newlines(self.text)
        return _line_at(mark, self.newlines) + self.offset - 1

    def build(self, node: yaml.Node, path: Path = (), depth: int = 0) -> object:
        self.doc.lines[path] = self.line(node)
        if id(node) in self.seen:
            # Composed aliases share their node; refusing them here means an alias
            # bomb costs as much as its text, never its expansion.
            if not self.alias_reported:
                # The node is the anchor's: its line is not the alias's. Name the
                # line of the closest key instead.
                probe = path
                while probe and probe not in self.doc.key_lines:
                    probe = probe[:-1]
                line = self.doc.key_lines.get(probe, self.line(node))
                self.issues.append(YamlIssue(line, dotted(path), "les alias YAML (« *nom ») ne sont pas acceptés"))
                self.alias_reported = True
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.issues.append(
                YamlIssue(self.line(node), dotted(path), f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux)")
            )
            return None
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _COLLECTION_TAGS:
            self.issues.append(YamlIssue(self.line(node), dotted(path),
                                         f"étiquette YAML « {node.tag} » refusée : écrire la valeur sans « ! »"))
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*path, i), depth + 1) for i, child in enumerate(node.value)]
        # The common scalars, as SafeConstructor builds them; anything else (an explicit
        # tag such as !!float or !ENV, an explicit !!bool yes…) goes through it.
        tag = node.tag
        if tag == _STR_TAG:
            return node.value
        if tag == _NULL_TAG:
            return None
        if tag == _BOOL_TAG and node.value in _BOOLS:
            return _BOOLS[node.value]
        if tag == _INT_TAG and _DECIMAL.match(node.value):
            return int(node.value)
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            self.issues.append(YamlIssue(self.line(node), dotted(path),
                                         f"étiquette YAML « {node.tag} » refusée : écrire la valeur sans « ! »"))
            return None

    def mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.issues.append(YamlIssue(self.line(key_node), dotted(path), "clé composée interdite"))
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.issues.append(YamlIssue(self.line(key_node), dotted(path), "fusion YAML « << » interdite"))
                continue
            key = key_node.value
            key_path = (*path, key)
            if key in result:
                first = self.doc.key_lines[key_path]
                self.issues.append(
                    YamlIssue(self.line(key_node), dotted(key_path), f"clé en double (déjà définie ligne {first})")
                )
                continue
            self.doc.key_lines[key_path] = self.line(key_node)
            result[key] = self.build(value_node, key_path, depth + 1)
        return result


_IRREGULAR = re.compile("[\r\x85\u2028\u2029\ufeff]")


def _newlines(text: str) -> list[int]:
    return [match.start() for match in re.finditer("\n", text)]


def _line_at(mark: yaml.Mark, newlines: list[int]) -> int:
    """1-based line of a mark, counting "\n" only. YAML's own line counts U+0085,
    U+2028 and U+2029 as line breaks too, which editors and messages do not."""
    return bisect.bisect_left(newlines, mark.index) + 1


# Errors about something left open: the line where it was opened is the one to fix.
_OPENED = ("found unexpected end of stream", "did not find expected ',' or", "expected ',' or")


def read_yaml(text: str, line_offset: int = 0) -> tuple[YamlDocument | None, list[YamlIssue]]:
    """Reads one YAML document. `line_offset` is added to every line (front matter
    starts after the opening `---`). Never raises on bad input."""
    doc = read_plain_block(text, line_offset)
    if doc is not None:
        return doc, []
    return _read(text, line_offset, FastStrictLoader, StrictLoader, _Composer)


# ---------------------------------------------------------------------------
# The common front matter, read without a YAML parser.
#
# Almost every act's front matter is block mappings and sequences of one-line
# scalars ("objet: Convention …", "  - Jean DUPONT", "nomenclature: "1.4"").
# read_plain_block reads exactly that subset, line by line, and gives up (None)
# on anything else: then the YAML parser above reads the text and reports its
# problems. Inside the subset, it gives what the parser gives (data, lines of
# values and keys), which tests/test_check_fast_paths.py checks on generated
# documents; it reads an act's front matter in 24 µs instead of 63 µs.


class _NotPlain(Exception):
    """The text leaves the subset: the YAML parser must read it."""


# Each line: "key: value", "- key: value", "- value", or blank or a comment.
_PLAIN_LINE = re.compile(r"^( *)(?:(- +)?([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?|- +(\S.*)|(?:#.*)?)$", re.MULTILINE)
# What a one-line plain scalar may not start with in block context.
_INDICATORS = frozenset("-?:,[]{}#&*!|>%@`")
# Characters the subset leaves to the parser: tabs, line breaks other than "\n", the
# byte order mark, and what YAML does not print (yaml.reader.Reader.NON_PRINTABLE).
_OUTSIDE = re.compile(r"[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_RESOLVED = {  # the implicit types of the plain scalars (see _add_resolver)
    _NULL_TAG: lambda value: None,
    _BOOL_TAG: _BOOLS.__getitem__,
    _INT_TAG: int,
}
_KEY, _ITEM = 0, 1
_DEEPEST = 16  # far below MAX_DEPTH: past it, the parser reads and reports


def read_plain_block(text: str, line_offset: int = 0) -> YamlDocument | None:
    if _OUTSIDE.search(text) or text.startswith(("---", "...")) or "\n---" in text or "\n..." in text:
        return None  # and document markers
    try:
        tokens = _plain_tokens(text, line_offset + 1)
        if not tokens or tokens[0][2] != _KEY:
            return None
        doc = YamlDocument(None)
        doc.data, end = _plain_node(tokens, 0, (), 0, doc)
        if end != len(tokens):
            return None
        return doc
    except _NotPlain:
        return None


def _plain_tokens(text: str, first_line: int) -> list[tuple]:
    """(line, column, kind, key, rest) of every line that is not blank or a comment;
    "- key: value" gives an item (rest None) then a key one column further."""
    lines = _PLAIN_LINE.findall(text)
    if len(lines) != text.count("\n") + 1:
        raise _NotPlain  # a line of another shape (each line matches once, or not at all)
    tokens = []
    for number, (indent, dash, key, rest, item) in enumerate(lines, first_line):
        if key:
            column = len(indent)
            if dash:
                tokens.append((number, column, _ITEM, None, None))
                column += len(dash)
            tokens.append((number, column, _KEY, key, None if not rest or rest[0] == "#" else rest))
        elif item:
            tokens.append((number, len(indent), _ITEM, None, item))
    return tokens


def _plain_node(tokens: list[tuple], index: int, path: tuple, depth: int, doc: YamlDocument):
    if depth > _DEEPEST:
        raise _NotPlain
    line, column, kind, _, _ = tokens[index]
    doc.lines[path] = line
    if kind == _KEY:
        return _plain_mapping(tokens, index, column, path, depth, doc)
    return _plain_sequence(tokens, index, column, path, depth, doc)


def _plain_mapping(tokens, index, column, path, depth, doc):
    result: dict = {}
    count = len(tokens)
    while index < count:
        line, at, kind, key, rest = tokens[index]
        if at != column or kind != _KEY:
            break
        if key in result:
            raise _NotPlain  # duplicate key: the parser's reading names both lines
        key_path = (*path, key)
        doc.key_lines[key_path] = line
        index += 1
        if rest is not None:
            doc.lines[key_path] = line
            result[key] = _plain_value(rest, line, key_path, doc)
        elif index < count and (tokens[index][1] > column or
                                (tokens[index][1] == column and tokens[index][2] == _ITEM)):
            result[key], index = _plain_node(tokens, index, key_path, depth + 1, doc)
        else:
            raise _NotPlain  # an empty value: its line is the parser's to give
        if index < count and tokens[index][1] > column:
            raise _NotPlain  # a scalar continued on the next line, or bad indentation
    return result, index


def _plain_sequence(tokens, index, column, path, depth, doc):
    result: list = []
    count = len(tokens)
    while index < count:
        line, at, kind, _, rest = tokens[index]
        if at != column or kind != _ITEM:
            break
        item_path = (*path, len(result))
        index += 1
        if rest is not None:
            doc.lines[item_path] = line
            result.append(_plain_value(rest, line, item_path, doc))
        else:  # "- key: value": a mapping starting on the item's line
            value, index = _plain_node(tokens, index, item_path, depth + 1, doc)
            result.append(value)
        if index < count and tokens[index][1] > column:
            raise _NotPlain
    return result, index


def _plain_value(rest: str, line: int, path: tuple, doc: YamlDocument) -> object:
    if rest[0] != "{":
        return _plain_scalar(rest)
    # A one-line flow mapping of plain scalars: "- {mandant: A, mandataire: B}".
    close = rest.find("}")
    inner, after = rest[1:close], rest[close + 1:]
    if close < 0 or _FLOW_INDICATORS.search(inner) or not _after_closing(after):
        raise _NotPlain
    result: dict = {}
    for part in inner.split(","):
        match = _FLOW_PAIR.fullmatch(part)
        if not match or match[1] in result or match[2][0] in _INDICATORS:
            raise _NotPlain
        key_path = (*path, match[1])
        doc.key_lines[key_path] = doc.lines[key_path] = line
        result[match[1]] = _resolved(match[2])
    return result


_FLOW_INDICATORS = re.compile("[][{}\"'#]")
_FLOW_PAIR = re.compile(r" *([A-Za-z_][A-Za-z0-9_]*): +([^: ](?:[^:]*[^: ])?) *")


def _after_closing(after: str) -> bool:
    """What may follow a closing quote or brace: nothing, or spaces and a comment."""
    return not after or (after[0] == " " and after.strip(" ")[:1] in ("", "#"))


def _resolved(value: str) -> object:
    for tag, regexp in StrictLoader.yaml_implicit_resolvers.get(value[:1], ()):
        if regexp.match(value):
            return _RESOLVED[tag](value)
    return value


def _plain_scalar(rest: str) -> object:
    """A one-line scalar and its comment ("1.1"   # marchés publics)."""
    first = rest[0]
    if first == '"' or first == "'":
        close = rest.find(first, 1)
        inner = rest[1:close]
        if close < 0 or (first == '"' and "\\" in inner) or not _after_closing(rest[close + 1:]):
            raise _NotPlain  # escapes, '' in single quotes, text after the closing quote
        return inner
    value = rest.partition(" #")[0].rstrip(" ")
    if not value or first in _INDICATORS or ": " in value or value[-1] == ":":
        raise _NotPlain
    return _resolved(value)


def _read(text: str, line_offset: int, fast: type, strict: type, composer_class: type):
    # The loaders and composer are parameters so that tests can compare them with others.
    try:
        loader = fast(text) if _looks_shallow(text) else strict(text)
        try:
            node = loader.get_single_node()
            composer = composer_class(loader, line_offset, text)
            if node is not None:
                composer.doc.data = composer.build(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and (exc.problem or "").startswith(_OPENED):
            mark = exc.context_mark
        line = (_line_at(mark, _newlines(text)) if mark else 1) + line_offset
        return None, [YamlIssue(line, "en-tête", _french_yaml_error(exc, text))]
    except yaml.reader.ReaderError as exc:  # control characters
        line = text.count("\n", 0, max(exc.position, 0)) + 1 + line_offset
        return None, [YamlIssue(line, "en-tête",
                                f"caractère de contrôle U+{exc.character:04X} interdit dans l'en-tête YAML")]
    except yaml.YAMLError:
        return None, [YamlIssue(1 + line_offset, "en-tête", "en-tête YAML illisible")]
    except _TooDeep as exc:
        line = (_line_at(exc.mark, _newlines(text)) if exc.mark else 1) + line_offset
        return None, [YamlIssue(line, "en-tête", f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux)")]
    except RecursionError:
        return None, [YamlIssue(1 + line_offset, "en-tête", f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux)")]
    return composer.doc, composer.issues
