"""The question bank: the shipped bank's content, and the validator's reports on broken banks."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from assessment.bank import BankError, default_bank_dir, load_bank
from assessment.i18n import STRINGS
from assessment.models import LANGS, Bank
from tests.conftest import TINY_BANK_DIR

DIMENSIONS = ["delegation", "purpose", "inspiration", "guidelines", "crisis"]


def test_real_bank_has_the_five_dimensions_in_order(bank: Bank):
    """The dimensions good practice names, in the guide's order."""
    assert [d.id for d in bank.dimensions] == DIMENSIONS


@pytest.mark.parametrize("dimension", DIMENSIONS)
def test_each_dimension_has_at_least_six_questions(bank: Bank, dimension: str):
    """At least six questions per dimension, each with five distinct anchored levels."""
    questions = bank.dimension(dimension).questions
    assert len(questions) >= 6
    for q in questions:
        assert len(q.levels) == 5
        assert len({lvl.da for lvl in q.levels}) == 5, q.id
        assert len({lvl.en for lvl in q.levels}) == 5, q.id


@pytest.mark.parametrize(
    "question",
    [
        "delegation.owner",
        "delegation.contributors",
        "purpose.statement",
        "purpose.strategy_link",
        "inspiration.benchmark",
        "inspiration.usp",
        "inspiration.citizen_research",
        "inspiration.accessibility",
        "guidelines.on_behalf",
        "guidelines.response_time",
        "guidelines.moderation",
        "guidelines.records",
        "guidelines.platform_assessment",
        "guidelines.personal_data",
        "crisis.plan",
        "crisis.escalation",
        "crisis.exercise",
        # what 2026 needs
        "guidelines.ai",
        "purpose.paid_ads",
        "delegation.platform_risk",
        "delegation.staff_safety",
        "guidelines.rights",
        "crisis.own_mistake",
        "crisis.confidentiality",
    ],
)
def test_bank_covers_the_guide_and_public_sector_duties(bank: Bank, question: str):
    """Every recommendation and duty a comms lead would be embarrassed to miss has a question."""
    assert question in bank.questions_by_id()


def test_bank_version_and_legal_status(bank: Bank):
    """Bank 2.0.0 says the date its legal texts were last checked, and ships the note on where
    its texts come from and what a lawyer should review."""
    assert bank.version == "2.0.0"
    assert bank.legal_status is not None and bank.legal_status.isoformat() == "2026-11-24"
    notes = (default_bank_dir() / "SOURCES.md").read_text(encoding="utf-8")
    assert "What a municipal lawyer should review" in notes


def test_not_applicable_only_where_a_question_may_not_apply(bank: Bank):
    """Only campaigns and paid ads may be answered "not applicable", each saying when."""
    allowed = {q.id for q in bank.questions_by_id().values() if q.not_applicable_when}
    assert allowed == {"purpose.campaigns", "purpose.paid_ads"}


def test_every_question_cites_dated_sources_and_legal_ones_say_so(bank: Bank):
    """Every question cites at least one source from the registry, every source is cited and
    dated (when published, or at least when read); a question with a legal basis cites a law
    or an authority."""
    cited = {sid for q in bank.questions_by_id().values() for sid in q.sources}
    assert cited == {s.id for s in bank.sources}
    for q in bank.questions_by_id().values():
        assert q.sources, q.id
    for source in bank.sources:
        assert source.accessed
        assert source.url or source.status != "verified" or source.publisher, source.id


def test_one_action_per_step_and_every_action_says_when_it_is_done(bank: Bank):
    """No two actions lift the same question from the same level (no duplicates in a plan);
    every action has a description and a done-when."""
    steps = [(a.question, a.from_level) for a in bank.actions if not a.incident]
    assert len(steps) == len(set(steps))
    for a in bank.actions:
        assert a.description.da and a.done_when.da and a.done_when.en


def test_recovery_actions_cover_what_follows_an_incident(bank: Bank):
    """After a recent incident: review the blocks, record the deletions, evaluate, debrief."""
    incident = {a.id for a in bank.actions if a.incident}
    assert incident == {
        "guidelines.moderation.review-blocks",
        "guidelines.records.record-deletions",
        "crisis.review.evaluate-incident",
        "delegation.staff_safety.debrief",
    }


def test_exercise_ladder_goes_tabletop_before_simulation(bank: Bank):
    """Discuss a scenario, then a tabletop, then a simulation with a written evaluation."""
    ladder = sorted(
        (a for a in bank.actions if a.question == "crisis.exercise"), key=lambda a: a.from_level
    )
    assert [a.id.rsplit(".", 1)[1] for a in ladder] == [
        "discuss-scenario", "tabletop", "simulation", "exercise-plan",
    ]  # fmt: skip


def test_level_four_is_more_than_a_yearly_review(bank: Bank):
    """No 3→4 action is a look-alike "review it every year"; the yearly reviews are one annual
    cycle (purpose.statement.annual-cycle) that others build on."""
    for a in bank.actions:
        if a.from_level == 3:
            assert not re.search(r"hvert år|årlig", a.title.da, re.IGNORECASE), a.id
    assert "purpose.statement.annual-cycle" in {a.id for a in bank.actions}


FORBIDDEN = {
    r"\bskrevne?\b": "skriftlig",
    r"første besked": "første melding",
    r"\btilfældig\b": "Sporadisk",
    r"grundlæggende pligt": "Grundkrav",
    r"spørgebank": "spørgsmålsbank",
    r"(^|[\s(])«\w": "»…«",
    r"”": "»…«",
    r"\bdimension(er|erne)?\b": "områder",
    r"\brummets\b": "deltagernes",
}
"""Danish words and quotation marks the language pass replaced, with the term now used."""


def _danish_texts() -> list[tuple[str, str]]:
    """Every Danish string and bank line, without placeholders and YAML comments."""
    texts = [(f"i18n:{key}", re.sub(r"{\w+}", "", e["da"])) for key, e in STRINGS.items()]
    for file in sorted(default_bank_dir().rglob("*.yaml")):
        lines = file.read_text(encoding="utf-8").splitlines()
        texts += [(file.name, line) for line in lines if not line.lstrip().startswith("#")]
    return texts


@pytest.mark.parametrize(("pattern", "instead"), sorted(FORBIDDEN.items()))
def test_one_term_per_concept_in_bank_and_strings(pattern: str, instead: str):
    """The language pass holds: one term per concept across bank, UI, PDF and errors."""
    hits = [where for where, text in _danish_texts() if re.search(pattern, text.lower())]
    assert not hits, f"use {instead!r}: {hits[:5]}"


def test_every_question_has_a_next_step_from_every_level(bank: Bank):
    """For each question and level 0–3 the action library has a step up."""
    steps = {(a.question, a.from_level) for a in bank.actions}
    for qid in bank.questions_by_id():
        assert all((qid, lvl) in steps for lvl in range(4)), qid


def test_every_text_in_the_bank_files_is_a_string():
    """YAML hygiene: no `No` turned into False, no number where text belongs."""

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in LANGS:
                    assert isinstance(value, str) and value.strip(), path + "." + key
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")

    files = sorted(Path("questions").rglob("*.yaml"))
    assert len(files) == 13
    for file in files:
        walk(yaml.safe_load(file.read_text(encoding="utf-8")), file.name)


# --- the validator on broken copies of the tiny bank


@pytest.fixture
def broken(tmp_path: Path):
    """Copy the tiny bank and let a test change one file before loading it."""
    root = tmp_path / "bank"
    shutil.copytree(TINY_BANK_DIR, root)

    def edit(file: str, change) -> list[str]:
        path = root / file
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        with pytest.raises(BankError) as exc:
            load_bank(root)
        return [str(p) for p in exc.value.problems]

    return edit


def test_validator_names_file_and_field_of_a_missing_translation(broken):
    """An empty English level text is reported with the file and the path to the field."""
    problems = broken("alpha.yaml", lambda d: d["questions"][1]["levels"][3].update(en=" "))
    assert any(
        p.endswith("alpha.yaml: questions[1].levels[3].en: the field is empty") for p in problems
    ), problems


def test_validator_reports_every_problem_at_once(broken):
    """Four separate mistakes in two files are all reported in one run."""

    def change(data):
        data["questions"][0]["levels"].pop()  # four levels
        data["questions"][0]["weight"] = 0  # not positive
        data["questions"][1]["id"] = "beta.one"  # duplicate id and wrong prefix

    problems = broken("alpha.yaml", change)
    text = "\n".join(problems)
    assert "questions[0].levels: too few items: at least 5" in text
    assert "questions[0].weight: the number must be more than 0" in text
    assert "'beta.one' must start with 'alpha.'" in text
    assert "question id 'beta.one' appears twice" in text


def test_validator_checks_action_links(broken):
    """Actions on unknown questions or levels, unknown prerequisites and cycles are named."""

    def change(data):
        acts = data["actions"]
        acts[0]["question"] = "alpha.nope"
        acts[1]["from_level"] = 4
        acts[2]["requires"] = ["alpha.one.missing"]
        acts[6]["requires"] = ["alpha.two.step3"]
        acts[7]["requires"] = ["alpha.two.step2"]

    problems = "\n".join(broken("actions.yaml", change))
    assert "actions[0].question: unknown question 'alpha.nope'" in problems
    assert "actions[1].from_level: the number must be at most 3" in problems
    assert "actions[2].requires[0]: unknown action 'alpha.one.missing'" in problems
    assert "form a cycle" in problems
    assert "question 'alpha.one' lacks an action from each of these levels: 0, 1" in problems


def test_validator_refuses_unquoted_no_and_aliases(tmp_path: Path):
    """`text: No` would load as False: the validator says the field is not a string."""
    root = tmp_path / "bank"
    shutil.copytree(TINY_BANK_DIR, root)
    alpha = root / "alpha.yaml"
    alpha.write_text(
        alpha.read_text(encoding="utf-8").replace("da: Beskrivelse", "da: No"), "utf-8"
    )
    with pytest.raises(BankError) as exc:
        load_bank(root)
    assert "description.da: it must be text in quotes" in str(exc.value.problems[0])
    alpha.write_text("id: &a alpha\nother: *a\n", encoding="utf-8")
    with pytest.raises(BankError, match="anchors and aliases are not allowed"):
        load_bank(root)


def test_validator_reports_bad_yaml_with_line(tmp_path: Path):
    """A syntax error names the file and the line."""
    root = tmp_path / "bank"
    shutil.copytree(TINY_BANK_DIR, root)
    (root / "beta.yaml").write_text("id: beta\nquestions: [\n", encoding="utf-8")
    with pytest.raises(BankError, match=r"beta\.yaml: line \d+: invalid YAML"):
        load_bank(root)


def test_missing_bank_is_a_clear_error(tmp_path: Path):
    """A folder without bank.yaml says so."""
    with pytest.raises(BankError, match=r"bank\.yaml: file not found"):
        load_bank(tmp_path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id: alpha\nid: beta\n", "duplicate key 'id'"),
        ("base: &b {weight: 2}\nquestions:\n  - <<: *b\n", "merge keys"),
    ],
)
def test_validator_refuses_duplicate_and_merge_keys(tmp_path: Path, text: str, message: str):
    """A repeated key (the first value would be lost) and a merge key are named with the line."""
    root = tmp_path / "bank"
    shutil.copytree(TINY_BANK_DIR, root)
    (root / "alpha.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(BankError, match=rf"alpha\.yaml: line \d+: {message}"):
        load_bank(root)


@pytest.mark.parametrize(
    ("file", "change", "message"),
    [
        (
            "actions.yaml",
            lambda d: d["actions"][0].update(owner="nobody"),
            "actions[0].owner: unknown role 'nobody'",
        ),
        (
            "actions.yaml",
            lambda d: d["actions"][0].update(incident=True),
            "actions[0].from_level: give a from_level, or incident: true",
        ),
        (
            "actions.yaml",
            lambda d: d["actions"][0].update(id="alpha.one.find-out"),
            "ids ending in '.find-out' are the planner's",
        ),
        (
            "actions.yaml",
            lambda d: d["actions"][0].pop("done_when"),
            "actions[0].done_when: the field is missing",
        ),
        (
            "alpha.yaml",
            lambda d: d["questions"][0].update(sources=["nowhere"]),
            "alpha.yaml: questions[0].sources[0]: unknown source 'nowhere'",
        ),
        (
            "alpha.yaml",
            lambda d: d["questions"][0]["levels"][2].update(red_flag=True),
            "questions[0].levels[2].red_flag: only level 0 can be a red flag",
        ),
        (
            "bank.yaml",
            lambda d: d["roles"][0].update(otherwise="lead"),
            "roles[0].otherwise: 'comms' is part of a cycle",
        ),
        (
            "migrations/from-0.0.yaml",
            lambda d: d["questions"].update({"alpha.first": "alpha.nine"}),
            "from-0.0.yaml: questions.alpha.first: unknown question 'alpha.nine'",
        ),
        (
            "sources.yaml",
            lambda d: d["sources"][0].update(date="May 2025"),
            "sources[0].date: is not in the form this field requires",
        ),
    ],
)
def test_validator_checks_roles_sources_flags_and_migrations(broken, file, change, message):
    """Owners are known roles; a step has a level or is an incident action; the planner's ids
    are reserved; every action says when it is done; sources are known and dated; only level 0
    is a red flag; stand-in roles end; migrations point at what this version has."""
    problems = "\n".join(broken(file, change))
    assert message in problems
