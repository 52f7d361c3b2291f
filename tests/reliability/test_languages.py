"""Text in a language eventwire does not code is a reject naming the language; English news,
short texts and wire copy are coded."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import duckdb
import pytest

from eventwire.ingest.language import MIN_WORDS, detect, language_reason
from eventwire.ingest.sources import iter_documents
from eventwire.records import Article, Reject
from eventwire.runner import run

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
if not CORPORA.is_dir():
    CORPORA = Path("/work/shared/corpora")

FOREIGN = {
    "Arabic": "أعلنت وزارة الخارجية السورية يوم الاثنين أن الحكومة ستستأنف المحادثات مع المعارضة "
    "في جنيف الشهر المقبل، وقال المتحدث باسم الوزارة إن الوفد الرسمي سيشارك في الجولة الجديدة من "
    "المفاوضات برعاية الأمم المتحدة رغم استمرار القتال في محافظة إدلب شمال البلاد.",
    "Chinese": "中国外交部发言人周一表示，中方将派代表团前往日内瓦参加新一轮和平谈判。发言人说，"
    "各方应当保持克制，通过对话协商解决分歧，避免局势进一步升级。联合国秘书长对这一决定表示欢迎，"
    "并呼吁有关国家尽快停火。",
    "Russian": "Министерство иностранных дел России в понедельник заявило, что Москва направит "
    "делегацию на новый раунд мирных переговоров в Женеве. Официальный представитель ведомства "
    "сообщила, что все стороны должны проявлять сдержанность и решать разногласия путем диалога.",
    "French": "Le ministère français des Affaires étrangères a annoncé lundi que Paris enverrait "
    "une délégation au nouveau cycle de négociations de paix à Genève. Le porte-parole a déclaré "
    "que toutes les parties devaient faire preuve de retenue et régler leurs différends.",
    "Spanish": "El Ministerio de Relaciones Exteriores de México anunció el lunes que el gobierno "
    "enviará una delegación a la nueva ronda de negociaciones de paz en Ginebra. El portavoz dijo "
    "que todas las partes deben mostrar moderación y resolver sus diferencias mediante el diálogo.",
    "German": "Das Auswärtige Amt hat am Montag angekündigt, dass Berlin eine Delegation zu der "
    "neuen Runde der Friedensgespräche in Genf entsenden wird. Ein Sprecher sagte, alle Seiten "
    "müssten Zurückhaltung üben und ihre Meinungsverschiedenheiten im Dialog beilegen.",
}
ENGLISH = (
    "Niger expelled the ambassador of Mali on Monday, officials said on Tuesday. The decision "
    "followed weeks of tension between the two governments over border security, the ministry "
    "said in a statement read on state television."
)
WIRE_TABLE = (
    "Shr 12 cts vs 31 cts\n    Net 640,000 vs 1.7 mln\n    Sales 5.2 mln vs 6.8 mln\n"
    "    Avg shrs 4,118,250 vs 3,907,400\n    Six mths\n    Shr 77 cts vs 92 cts\n"
    "    Net 2,410,530 vs 2,903,115\n    Revs 18.6 mln vs 21.3 mln\n"
)


def test_text_in_a_language_we_do_not_code_is_a_reject_naming_it(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in FOREIGN.items():
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    (folder / "Russian.html").write_text(
        f"<html><body><article><p>{FOREIGN['Russian']}</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / "mixed.jsonl").write_text(
        json.dumps({"text": FOREIGN["French"]}) + "\n" + json.dumps({"text": ENGLISH}) + "\n",
        encoding="utf-8",
    )
    (folder / "english.txt").write_text(ENGLISH + "\n", encoding="utf-8")
    summary = run([folder], tmp_path / "db.duckdb")
    assert (summary.articles, summary.duplicates) == (1, 1)  # english.txt, the same JSONL line
    con = duckdb.connect(str(tmp_path / "db.duckdb"), read_only=True)
    rejects = dict(con.execute("SELECT origin, reason FROM rejects").fetchall())
    con.close()
    for name in FOREIGN:
        assert f"language is {name} (" in rejects.pop(str(folder / f"{name}.txt"))
    assert rejects.pop(str(folder / "Russian.html")).startswith("language is Russian (ru)")
    assert rejects == {
        f"{folder / 'mixed.jsonl'}:1": "language is French (fr), not English; not coded"
    }


def test_short_texts_and_wire_tables_are_never_rejected_on_language():
    for text in FOREIGN.values():
        words = text.split()
        if len(words) > MIN_WORDS:  # the scripts written with spaces
            assert language_reason(" ".join(words[: MIN_WORDS - 1])) is None
            assert language_reason(" ".join(words[: MIN_WORDS + 2])) is not None
    assert language_reason(FOREIGN["Chinese"][:30]) is None
    assert language_reason(WIRE_TABLE) is None
    assert language_reason(WIRE_TABLE * 5) is None
    assert language_reason(ENGLISH) is None
    assert detect(ENGLISH) == ("en", "English")
    # English with a quotation in another language is English
    quoted = ENGLISH + ' "' + FOREIGN["French"].split(".")[0] + '," he said in French.'
    assert language_reason(quoted) is None


def test_controls_and_lone_surrogates_do_not_break_the_detector():
    assert language_reason("\x85\x1b\x00 " * 30 + ENGLISH) is None
    assert language_reason("\udfff " * 30 + FOREIGN["German"]) is not None


def _texts(path: Path, field: str) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [t for line in fh if line.strip() and (t := json.loads(line).get(field))]


@pytest.mark.parametrize(
    ("name", "field", "count"),
    [
        ("reuters21578.jsonl.gz", "body", 19043),
        ("us_election_2016.jsonl", "text", 924),
        ("guardian_syria_2017_2019.jsonl", "text", 225),
    ],
)
def test_no_english_article_of_the_shared_corpora_is_rejected(name, field, count):
    path = CORPORA / name
    if not path.exists():
        pytest.skip(f"{path} not here")
    texts = _texts(path, field)
    assert len(texts) == count
    refused = [(t[:80], r) for t in texts if (r := language_reason(t))]
    assert refused == []


def test_ingest_rejects_at_stage_ingest_before_any_nlp(tmp_path):
    (tmp_path / "a.txt").write_text(FOREIGN["Arabic"], encoding="utf-8")
    items = list(iter_documents([tmp_path / "a.txt"]))
    assert len(items) == 1 and isinstance(items[0], Reject) and items[0].stage == "ingest"
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    assert isinstance(next(iter(iter_documents([tmp_path / "b.txt"]))), Article)
