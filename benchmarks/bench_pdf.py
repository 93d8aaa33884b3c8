"""The whole PDF against a floor of plain fpdf2 + vl-convert, measured in the same run, and the
four review municipalities' plan sizes and page counts.

    python benchmarks/bench_pdf.py [--repeat N]

The floor is what any PDF of this kind costs: five A4 pages of Danish text in the embedded
DejaVu fonts (regular and bold) and the same two charts rendered by vl-convert, nothing else.
The goal for the whole report is at most twice the floor. Floor and report alternate in one
loop, so both see the same machine; each run uses another response, so no chart cache answers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import vl_convert  # noqa: E402
from fpdf import FPDF  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from timing import tail_ms, time_ms  # noqa: E402

from assessment.answers import new_response  # noqa: E402
from assessment.bank import load_bank  # noqa: E402
from assessment.charts import gap_chart, radar_chart, warm_up  # noqa: E402
from assessment.models import Answer, Bank, Municipality, Profile, Response  # noqa: E402
from assessment.planning import plan  # noqa: E402
from assessment.report import build_report  # noqa: E402
from assessment.report.pdf import FONT_DIR  # noqa: E402
from assessment.scoring import score  # noqa: E402
from tests.scenarios import SCENARIOS  # noqa: E402

NOW = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
FLOOR_PAGES = 5
GOAL = 2.0


def response_for(bank: Bank, seed: int) -> Response:
    """A varied response with notes, a profile and a don't-know now and then."""
    answers = {
        q: Answer(
            level="dont_know" if (i + seed) % 11 == 0 else (i * 7 + seed) % 5,
            note="Note – »æøå«" if i % 3 == 0 else "",
        )
        for i, q in enumerate(bank.questions_by_id())
    }
    base = new_response(bank, Municipality(code=316, name="Holbæk"), now=NOW)
    profile = Profile(hours_per_week=10 + seed % 30, recent_incident=seed % 2 == 0)
    return base.model_copy(update={"answers": answers, "profile": profile})


def floor_pdf(text: list[str], specs: tuple[str, str]) -> bytes:
    """Five pages of text and two charts: fpdf2 and vl-convert doing only that."""
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(auto=False)
    for page in range(FLOOR_PAGES):
        pdf.add_page()
        pdf.set_font("DejaVu", "B", 14)
        pdf.cell(0, 10, f"Side {page + 1}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(0, 5, text[page])
    for spec in specs:
        png = vl_convert.vegalite_to_png(spec, scale=2)
        pdf.image(io.BytesIO(png), w=150)
    return bytes(pdf.output())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    bank = load_bank()
    words = " ".join(a.description("da") for a in bank.actions)
    text = [words[i * 2600 : (i + 1) * 2600] for i in range(FLOOR_PAGES)]  # about 40 lines each
    responses = [response_for(bank, i) for i in range(2 * args.repeat + 2)]
    cards = [score(bank, r) for r in responses]
    specs = [
        (radar_chart(bank, c, "da").to_json(), gap_chart(bank, c, "da").to_json()) for c in cards
    ]
    plans = [plan(bank, c, r) for c, r in zip(cards, responses, strict=True)]
    warm_up()
    floor_pdf(text, specs[0])
    build_report(bank, responses[1], cards[1], plans[1], "da", generated=NOW)

    def report_pdf(r: int) -> bytes:
        return build_report(bank, responses[r], cards[r], plans[r], "da", generated=NOW)

    floor_times: list[float] = []
    report_times: list[float] = []
    for i in range(args.repeat):
        f, r = 2 + 2 * i, 3 + 2 * i
        floor_times.append(time_ms(lambda f=f: floor_pdf(text, specs[f])))
        report_times.append(time_ms(lambda r=r: report_pdf(r)))
    last = report_pdf(len(responses) - 1)
    floor, report = tail_ms(floor_times), tail_ms(report_times)
    pages = len(PdfReader(io.BytesIO(last)).pages)
    print(f"runs: {args.repeat} each, alternating; report pages: {pages}")
    print(f"{'':28}{'median':>9}{'p90':>9}{'max':>9}   ms")
    print(f"{'floor: fpdf2 + vl-convert':28}" + "".join(f"{v:9.1f}" for v in floor))
    print(f"{'whole report':28}" + "".join(f"{v:9.1f}" for v in report))
    ratio, tail = report[0] / floor[0], report[1] / floor[1]
    print(f"ratio report / floor: median {ratio:.2f}, p90 {tail:.2f} (goal ≤ {GOAL:g})")
    scenarios(bank)


def scenarios(bank: Bank) -> None:
    """Plan size against the hours, backlog, and pages in Danish and English per municipality."""
    print(f"\n{'scenario':10}{'actions':>8}{'hours':>8}{'of':>7}{'backlog':>9}{'pages da/en':>13}")
    for name, make in SCENARIOS.items():
        r = make(bank)
        card = score(bank, r)
        result = plan(bank, card, r)
        assert result.capacity is not None
        pdfs = [build_report(bank, r, card, result, lang, generated=NOW) for lang in ("da", "en")]
        pages = [len(PdfReader(io.BytesIO(pdf)).pages) for pdf in pdfs]
        print(
            f"{name:10}{len(result.actions):8}{result.hours:8.0f}{result.capacity.yearly_hours:7.0f}"
            f"{len(result.backlog):9}{pages[0]:>9}/{pages[1]}"
        )


if __name__ == "__main__":
    main()
