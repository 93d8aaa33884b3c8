"""The question bank: the shipped bank's content, and the validator's reports on broken banks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from assessment.bank import BankError, load_bank
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
        "guidelines.data_protection",
        "crisis.plan",
        "crisis.escalation",
        "crisis.exercise",
    ],
)
def test_bank_covers_the_guide_and_public_sector_duties(bank: Bank, question: str):
    """Every recommendation and duty a comms lead would be embarrassed to miss has a question."""
    assert question in bank.questions_by_id()


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
    assert len(files) == 11
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
        p.endswith("alpha.yaml: questions[1].levels[3].en: String should have at least 1 character")
        for p in problems
    ), problems


def test_validator_reports_every_problem_at_once(broken):
    """Four separate mistakes in two files are all reported in one run."""

    def change(data):
        data["questions"][0]["levels"].pop()  # four levels
        data["questions"][0]["weight"] = 0  # not positive
        data["questions"][1]["id"] = "beta.one"  # duplicate id and wrong prefix

    problems = broken("alpha.yaml", change)
    text = "\n".join(problems)
    assert "questions[0].levels: List should have at least 5 items" in text
    assert "questions[0].weight: Input should be greater than 0" in text
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
    assert "actions[1].from_level: Input should be less than or equal to 3" in problems
    assert "actions[2].requires[0]: unknown action 'alpha.one.missing'" in problems
    assert "form a cycle" in problems
    assert "question 'alpha.one' has no action from level(s) [0, 1]" in problems


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
    assert "description.da: Input should be a valid string" in str(exc.value.problems[0])
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
    with pytest.raises(BankError, match=rf"alpha\.yaml: line \d+: invalid YAML: {message}"):
        load_bank(root)
