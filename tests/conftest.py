"""Shared fixtures: the real gazetteer (built once into the user cache) and ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from geomap.models import Article, Sentence
from geomap.sentences import split_sentences

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def gazetteer():  # type: ignore[no-untyped-def]
    from gazetteer.store import Gazetteer

    return Gazetteer.open()


@pytest.fixture(scope="session")
def shared_articles() -> list[Path]:
    folder = SHARED / "articles"
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        pytest.skip(f"../shared/articles is absent ({folder}): the example articles are not here")
    return files


def make_article(text: str, article_id: str = "t") -> tuple[Article, list[Sentence]]:
    article = Article(id=article_id, title="test", text=text)
    return article, split_sentences(article)
