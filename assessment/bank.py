"""Find, load and validate question banks.

A bank is a folder of YAML files: `bank.yaml` (the manifest: id, version, title, the date of
the legal texts, maturity scale, the roles that own actions, and the lists of files), one file
per dimension, one action file per dimension, a file of sources the questions cite, and the
id migrations from older versions. Validation reports every problem at once, each with its
file and the path of the bad field, so a consultant who adapts a bank can fix it in one go.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path, PurePath
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import limits
from .bank_links import Content, Problem, check_links, said
from .files import FileTooLarge, NotRegularFile, os_reason, read_limited
from .i18n import t
from .limits import echo
from .messages import Phrase, validation_phrase
from .models import (
    LEVELS,
    Action,
    ActionEntry,
    Bank,
    Dimension,
    Id,
    Lang,
    Maturity,
    Migration,
    NonEmpty,
    OwnerRole,
    Question,
    Source,
    Text,
    Version,
)


def default_bank_dir() -> Path:
    """The shipped bank: the `questions` package's files, wherever the package is installed."""
    return Path(str(resources.files("questions")))


MANIFEST = "bank.yaml"


class BankError(ValueError):
    """A bank that cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid bank"  # English, for a log
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first + more)


_FastSafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10× faster


class _StrictLoader(_FastSafeLoader):
    """A safe loader that refuses anchors/aliases, merge keys and duplicate keys: each hides
    mistakes in a bank (a copied block that silently inherits, a key whose first value is lost).
    Checked on the composed node graph, so it works with libyaml's parser too."""

    def get_single_node(self) -> yaml.Node | None:
        node = super().get_single_node()
        if node is not None:
            _check_nodes(node)
        return node


class _Refused(yaml.constructor.ConstructorError):
    """Something the strict loader refuses, with the reason in the user's language."""

    def __init__(self, reason: Phrase, mark: yaml.Mark | None) -> None:
        super().__init__(None, None, reason("en"), mark)
        self.reason = reason


def _strict_timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> dt.date | dt.datetime:
    """An unquoted date, which YAML reads as a date; one that does not exist (2026-13-45) is a
    problem on its line, not a ValueError."""
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    try:
        if yaml.constructor.SafeConstructor.timestamp_regexp.match(text) is None:  # !!timestamp x
            raise ValueError(text)
        return loader.construct_yaml_timestamp(node)  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        raise _Refused(said("yaml_date", value=echo(text)), node.start_mark) from None


def _strict_bool(loader: yaml.SafeLoader, node: yaml.Node) -> bool:
    """`!!bool maybe` is a problem on its line, not a KeyError."""
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    value = yaml.constructor.SafeConstructor.bool_values.get(text.lower())
    if value is None:
        raise _Refused(said("yaml_bool", value=echo(text)), node.start_mark)
    return value


_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(
    r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)


def _plain_number(loader: yaml.SafeLoader, node: yaml.Node, plain: re.Pattern[str]) -> str:
    """A number's text if it is written with plain digits and not too many of them.

    YAML 1.1 reads `1:30` as 90 (base 60), `017` as 15 (octal), `0x1F` and `1_000` as numbers
    too: a bank that means something else by them would be read silently wrong. And an
    integer of thousands of digits would stop Python's `int`."""
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    if not plain.fullmatch(text):
        raise _Refused(said("number_form", value=echo(text)), node.start_mark)
    if sum(ch.isdigit() for ch in text) > limits.NUMBER_DIGITS:
        raise _Refused(said("number_digits", limit=limits.NUMBER_DIGITS), node.start_mark)
    return text


def _strict_int(loader: yaml.SafeLoader, node: yaml.Node) -> int:
    return int(_plain_number(loader, node, _PLAIN_INT))


def _strict_float(loader: yaml.SafeLoader, node: yaml.Node) -> float:
    _plain_number(loader, node, _PLAIN_FLOAT)
    return loader.construct_yaml_float(node)  # type: ignore[arg-type]


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _strict_timestamp)
_StrictLoader.add_constructor("tag:yaml.org,2002:bool", _strict_bool)
_StrictLoader.add_constructor("tag:yaml.org,2002:int", _strict_int)
_StrictLoader.add_constructor("tag:yaml.org,2002:float", _strict_float)

_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_nodes(root: yaml.Node) -> None:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:  # an alias makes the parser hand out the same node twice
            raise _Refused(said("yaml_alias"), node.start_mark)
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[tuple[str, str]] = set()
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise _Refused(said("yaml_merge"), key_node.start_mark)
                key = (key_node.tag, str(key_node.value))
                if key in keys:
                    raise _Refused(
                        said("yaml_duplicate", key=echo(key_node.value)), key_node.start_mark
                    )
                keys.add(key)
                stack.extend((key_node, value_node))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif _SURROGATE.search(str(node.value)):  # from an escape such as "\\udfff"
            raise _Refused(said("yaml_surrogate"), node.start_mark)


def read_yaml(path: Path) -> Any:
    """Parse one YAML file strictly; raise BankError naming the file and line.

    Only a regular file of at most `limits.BANK_FILE_BYTES` is read: not `/dev/zero`, not a
    pipe, and nothing is read before that is known.
    """
    file = str(path)
    try:
        text = read_limited(path, limits.BANK_FILE_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise BankError([Problem(file, "", said("not_found"))]) from None
    except IsADirectoryError:
        raise BankError([Problem(file, "", said("is_dir"))]) from None
    except NotRegularFile:
        raise BankError([Problem(file, "", said("not_regular"))]) from None
    except FileTooLarge as exc:
        raise BankError([Problem(file, "", said("too_large", limit=exc.limit // 1000))]) from None
    except UnicodeDecodeError as exc:
        raise BankError([Problem(file, "", said("not_utf8", byte=exc.start))]) from None
    except OSError as exc:
        detail = Phrase(*os_reason(exc))
        raise BankError([Problem(file, "", said("cannot_read", detail=detail))]) from None
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise BankError([Problem(file, "", _yaml_problem(exc))]) from None


_SYNTAX = {
    "mapping values are not allowed in this context": "colon",
    "mapping values are not allowed here": "colon",
    "found character that cannot start any token": "token",
    "found unexpected end of stream": "end",
    "did not find expected ',' or ']'": "flow",
    "did not find expected ',' or '}'": "flow",
    "did not find expected '-' indicator": "indent",
    "did not find expected key": "indent",
    "found unknown escape character": "escape",
    "found undefined alias": "alias",
    "could not determine a constructor for the tag": "tag",
}
"""PyYAML's (and libyaml's) most common reasons, by how they start, with the i18n key
(`error.bank.yaml.…`) that says them in Danish."""


@dataclass(frozen=True)
class _Syntax(Phrase):
    """PyYAML's reason for a syntax error: in English as PyYAML says it; in Danish by
    `_SYNTAX`, or as a hint where PyYAML's words are not there."""

    def __call__(self, lang: Lang) -> str:
        problem = str(self.params["problem"])
        if lang == "en":
            return echo(problem, limits.ECHO * 2)
        kind = next((k for start, k in _SYNTAX.items() if problem.startswith(start)), None)
        if kind == "alias":
            return t("error.bank.yaml_alias", lang)
        return t(f"error.bank.yaml.{kind}" if kind else "error.bank.yaml_syntax", lang)


def _yaml_problem(exc: yaml.YAMLError) -> Phrase:
    """A YAML error as a reason with its line, in the user's language."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    reason: Phrase
    if isinstance(exc, _Refused):
        reason = exc.reason
    elif isinstance(exc, yaml.reader.ReaderError):  # a control character, or a broken byte
        char = exc.character
        code = ord(char) if isinstance(char, str) else int(char)
        reason = said("yaml_character", code=f"#x{code:04x}")
    else:
        reason = _Syntax("error.bank.yaml_syntax", {"problem": getattr(exc, "problem", None) or ""})
    if mark is None:
        return said("yaml", reason=reason)
    return said(
        "at_line" if isinstance(exc, _Refused) else "yaml_line", line=mark.line + 1, reason=reason
    )


def _loc(loc: Iterable[int | str], prefix: str = "") -> str:
    """A field's path; a key from the file is cut short, since it is the file's own text."""
    out = prefix
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{echo(part)}" if out else echo(part))
    return out


def _validate(model: type[BaseModel], data: Any, file: str, prefix: str, problems: list[Problem]):
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            where = _loc(err["loc"], prefix)
            problems.append(Problem(file, where, validation_phrase(err, "error.bank", where)))
        return None


def _mapping(data: Any, file: str, problems: list[Problem]) -> dict[str, Any] | None:
    if not isinstance(data, dict):
        problems.append(Problem(file, "", said("not_mapping")))
        return None
    return data


class _Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Id
    version: Version
    title: Text
    legal_status: dt.date | None = None
    maturity: list[Maturity]
    roles: list[OwnerRole] = Field(min_length=1)
    sources: NonEmpty | None = None
    dimensions: list[NonEmpty] = Field(min_length=1)
    actions: list[NonEmpty] = Field(min_length=1)
    migrations: list[NonEmpty] = Field(default_factory=list)


def load_bank(path: Path | str | None = None) -> Bank:
    """Load and validate the bank in a folder (or its `bank.yaml`); BankError lists all problems."""
    return load_bank_and_files(path)[0]


def load_bank_and_files(path: Path | str | None = None) -> tuple[Bank, list[Path]]:
    """The bank, as `load_bank`, and every file it was read from (the manifest first): what a
    command that writes a file must not write over."""
    root = Path(path) if path is not None else default_bank_dir()
    manifest_path = root / MANIFEST if root.is_dir() else root
    mfile = str(manifest_path)
    if manifest_path.name != MANIFEST and manifest_path.exists():  # never parse another file
        raise BankError([Problem(mfile, "", said("not_a_bank", manifest=MANIFEST))])
    if _inside(manifest_path.parent, MANIFEST) is None:  # a link to a file elsewhere
        raise BankError([Problem(mfile, "", said("manifest_outside", manifest=MANIFEST))])
    problems: list[Problem] = []
    data = _mapping(read_yaml(manifest_path), mfile, problems)
    if data is not None and isinstance(data.get("version"), int | float):
        problems.append(Problem(mfile, "version", said("version_number")))
        data = {k: v for k, v in data.items() if k != "version"}
    manifest = _validate(_Manifest, data, mfile, "", problems)
    if manifest is None:
        raise BankError(problems)
    if [m.level for m in manifest.maturity] != list(LEVELS):
        problems.append(Problem(mfile, "maturity", said("maturity_levels")))

    root = manifest_path.parent
    listed = [*manifest.dimensions, *manifest.actions, manifest.sources, *manifest.migrations]
    files = [manifest_path, *(f for rel in listed if rel and (f := _inside(root, rel)))]
    dimensions: list[tuple[str, Dimension]] = []
    entries: list[ActionEntry] = []
    action_at: dict[str, tuple[str, str]] = {}
    declared: set[str] = set()  # question ids as written, valid or not, to avoid knock-on errors
    for i, rel in enumerate(manifest.dimensions):
        f, data = _read_listed(root, rel, (mfile, f"dimensions[{i}]"), problems)
        data = _mapping(data, f, problems) if f else None
        if data is not None:
            dim = _load_dimension(data, f, problems, declared)
            if dim:
                dimensions.append((f, dim))
                problems.extend(_check_dimension(dim, f))
    for i, rel in enumerate(manifest.actions):
        for f, j, item in _listed_items(root, rel, (mfile, f"actions[{i}]"), "actions", problems):
            entry = _validate(ActionEntry, item, f, f"actions[{j}]", problems)
            if entry:
                entries.append(entry)
                action_at.setdefault(entry.id, (f, f"actions[{j}]"))
    sources: list[Source] = []
    if manifest.sources:
        listed_at = (mfile, "sources")
        for f, j, item in _listed_items(root, manifest.sources, listed_at, "sources", problems):
            source = _validate(Source, item, f, f"sources[{j}]", problems)
            if source:
                sources.append(source)
    migrations: list[tuple[str, Migration]] = []
    for i, rel in enumerate(manifest.migrations):
        f, data = _read_listed(root, rel, (mfile, f"migrations[{i}]"), problems)
        data = _mapping(data, f, problems) if f else None
        migration = _validate(Migration, data, f, "", problems) if data is not None else None
        if migration:
            migrations.append((f, migration))
    content = Content(dimensions, entries, action_at, declared, manifest.roles, sources, migrations)
    problems.extend(check_links(content, mfile, manifest.version))
    if problems:
        raise BankError(problems)
    names = {r.id: r.name for r in manifest.roles}
    bank = Bank(
        id=manifest.id,
        version=manifest.version,
        title=manifest.title,
        legal_status=manifest.legal_status,
        maturity=manifest.maturity,
        roles=manifest.roles,
        sources=sources,
        dimensions=sorted((d for _, d in dimensions), key=lambda d: d.order),
        actions=[Action(**dict(e), owner_role=names[e.owner]) for e in entries],
        migrations=[m for _, m in migrations],
    )
    return bank, files


def _listed_items(
    root: Path, rel: str, listed_at: tuple[str, str], key: str, problems: list[Problem]
) -> Iterator[tuple[str, int, Any]]:
    """The items of a file that holds one key, a list (an action or a sources file)."""
    f, data = _read_listed(root, rel, listed_at, problems)
    data = _mapping(data, f, problems) if f else None
    if data is None:
        return
    if set(data) != {key} or not isinstance(data[key], list):
        problems.append(Problem(f, key, said("one_key", key=key)))
        return
    for i, item in enumerate(data[key]):
        yield f, i, item


def _load_dimension(
    data: dict[str, Any], file: str, problems: list[Problem], declared: set[str]
) -> Dimension | None:
    """Validate questions one by one, so one bad question does not hide the others' problems."""
    raw = data.get("questions")
    if not isinstance(raw, list):
        problems.append(Problem(file, "questions", said("questions_list")))
        raw = []
    declared.update(str(q.get("id")) for q in raw if isinstance(q, dict))
    questions = [
        _validate(Question, q, file, f"questions[{i}]", problems) for i, q in enumerate(raw)
    ]
    head = _validate(Dimension, {**data, "questions": []}, file, "", problems)
    if head is None:
        return None
    return head.model_copy(update={"questions": [q for q in questions if q]})


def _read_listed(
    root: Path, rel: str, listed_at: tuple[str, str], problems: list[Problem]
) -> tuple[str, Any]:
    """Read a file the manifest lists; on failure record the problem and return ('', None).

    The file must lie inside the bank's folder: a bank copied from someone else could
    otherwise make `check-bank` read, and echo, any file the user can read.
    """
    inside = _inside(root, rel)
    if inside is None:
        problems.append(Problem(*listed_at, said("outside", name=echo(rel))))
        return "", None
    try:
        return str(inside), read_yaml(inside)
    except BankError as exc:
        problems.extend(exc.problems)
        return "", None


def _inside(root: Path, rel: str) -> Path | None:
    """`root / rel` if it stays inside `root` (no absolute path, no `..`, no link out)."""
    pure = PurePath(rel)
    if pure.is_absolute() or pure.anchor or ".." in pure.parts:
        return None
    path = root / pure
    try:
        if not path.resolve().is_relative_to(root.resolve()):
            return None
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
        return None
    return path


def _check_dimension(dim: Dimension, file: str) -> list[Problem]:
    problems: list[Problem] = []
    if not dim.questions:
        problems.append(Problem(file, "questions", said("no_questions")))
    for i, q in enumerate(dim.questions):
        where = f"questions[{i}]"
        if not q.id.startswith(dim.id + "."):
            problems.append(
                Problem(file, f"{where}.id", said("prefix", id=q.id, prefix=dim.id + "."))
            )
        for level, anchor in enumerate(q.levels):
            if anchor.red_flag and level != LEVELS[0]:
                problems.append(
                    Problem(file, f"{where}.levels[{level}].red_flag", said("red_flag_level"))
                )
    return problems
