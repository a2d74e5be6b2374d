"""`geomap extract` in batch: the same output, in input order, whatever the number of workers."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from gazetteer.store import Gazetteer
from geomap import batch
from geomap.errors import OutputError
from geomap.models import Article, ExtractedArticle

# Our own short texts; the last one has no place at all, so it tests empty results.
ARTICLES = [
    ("kyiv", "Officials in Kyiv said the delegation left Warsaw on Monday for Brussels."),
    ("andes", "The expedition crossed from Santiago into Argentina and reached Mendoza."),
    ("ports", "Container ships queued outside Rotterdam while Hamburg reported delays."),
    ("cairo", "The minister flew from Cairo to Amman, then on to Riyadh for talks."),
    ("texas", "Floods closed roads between Houston and San Antonio in Texas."),
    ("japan", "The train from Osaka arrived in Tokyo forty minutes late."),
    ("kenya", "Runners from Eldoret dominated the race in Nairobi."),
    ("none", "Nothing in this sentence names anywhere at all."),
]


@pytest.fixture
def jsonl_input(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    lines = [json.dumps({"id": key, "text": text}) for key, text in ARTICLES]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _extract(inputs: list[str], output: Path, jobs: int) -> list[dict[str, Any]]:
    code = batch.extract_to(
        inputs, output=output, jobs=jobs, published=None, max_bytes=1_000_000, quiet=True
    )
    assert code == 0
    return [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]


def test_jobs_do_not_change_output(gazetteer: Gazetteer, jsonl_input: Path, tmp_path: Path) -> None:
    one = tmp_path / "one.jsonl"
    two = tmp_path / "two.jsonl"
    records = _extract([str(jsonl_input)], one, jobs=1)
    _extract([str(jsonl_input)], two, jobs=2)
    assert one.read_bytes() == two.read_bytes()
    assert [r["id"] for r in records] == [key for key, _text in ARTICLES]


def test_output_lines_are_valid_predictions(
    gazetteer: Gazetteer, jsonl_input: Path, tmp_path: Path
) -> None:
    records = _extract([str(jsonl_input)], tmp_path / "out.jsonl", jobs=1)
    texts = dict(ARTICLES)
    for record in records:
        article = ExtractedArticle.model_validate(record)
        for toponym in article.toponyms:
            assert texts[article.id][toponym.start : toponym.end] == toponym.name
            assert (toponym.lat is None) == (toponym.lon is None)
    by_id = {r["id"]: r for r in records}
    assert by_id["none"]["toponyms"] == []
    names = {t["name"] for t in by_id["japan"]["toponyms"]}
    assert {"Osaka", "Tokyo"} <= names


def test_iter_extract_keeps_input_order_with_workers(gazetteer: Gazetteer) -> None:
    articles = [Article(id=key, text=text) for key, text in ARTICLES * 3]
    serial = list(batch.iter_extract(articles, 1, gazetteer=gazetteer))
    parallel = list(batch.iter_extract(articles, 2, gazetteer=gazetteer, chunksize=2))
    assert serial == parallel
    assert [r.id for r in parallel] == [a.id for a in articles]


def test_stdout_when_no_output(
    gazetteer: Gazetteer, jsonl_input: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = batch.extract_to(
        [str(jsonl_input)], output=None, jobs=1, published=None, max_bytes=1_000_000, quiet=True
    )
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [key for key, _text in ARTICLES]


def test_failed_run_keeps_previous_output(
    gazetteer: Gazetteer, jsonl_input: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "out.jsonl"
    output.write_text("previous\n", encoding="utf-8")
    calls = 0

    def fail_on_third(article: Article, gazetteer: Gazetteer) -> ExtractedArticle:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise ValueError("boom")
        return ExtractedArticle(id=article.id, toponyms=[])

    monkeypatch.setattr("geomap.pipeline.extract_toponyms", fail_on_third)
    with pytest.raises(RuntimeError, match="article 'ports'"):
        batch.extract_to(
            [str(jsonl_input)], output=output, jobs=1, published=None, max_bytes=10**6, quiet=True
        )
    assert output.read_text(encoding="utf-8") == "previous\n"
    assert sorted(os.listdir(tmp_path)) == ["articles.jsonl", "out.jsonl"]  # no temporary left


def test_unwritable_output_fails_before_work(jsonl_input: Path, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        batch.extract_to(
            [str(jsonl_input)],
            output=tmp_path / "missing" / "out.jsonl",
            jobs=1,
            published=None,
            max_bytes=1_000_000,
            quiet=True,
        )


def test_chunksize_is_bounded() -> None:
    assert batch.chunksize_for(0, 2) == 1
    assert batch.chunksize_for(100, 2) == 6
    assert batch.chunksize_for(1_000_000, 2) == batch.MAX_CHUNKSIZE
