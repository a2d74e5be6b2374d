"""The `geomap` command's outputs, through geomap.cli.main, on small articles written here.

Checks what a user gets: the files each option writes and that other tools can read them
(fastkml, json), what is printed (embed snippet, JSON lines, gazetteer answers, schema), and a
one-line error with exit code 5 when the output cannot be written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from fastkml import kml
from fastkml.containers import Document, Folder
from fastkml.features import Placemark

from geomap.cli import main
from geomap.errors import EXIT_OK, EXIT_OUTPUT
from geomap.models import MapResult

if TYPE_CHECKING:
    from gazetteer.store import Gazetteer

# Our own short articles (real places, invented travellers).
ALPS = """Prime minister visits the Alps

Prime Minister Jane Doe travelled by train from Lyon to Geneva on Monday, 4 March 2024. On
Tuesday she flew from Geneva to Vienna, where she met the Austrian chancellor.
"""
ATLANTIC = """Explorer crosses the North Atlantic

The explorer Arne Berg sailed from Bergen to Reykjavik on 2 June 2023. A week later Berg
continued from Reykjavik to Nuuk, the capital of Greenland.
"""
HARBOUR = "Fishing boats returned to Valparaíso after the storm passed the coast of Chile."

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def articles(tmp_path: Path, gazetteer: Gazetteer) -> list[str]:
    """Two article files; requesting the gazetteer fixture makes sure the cache is built."""
    paths = []
    for name, text in (("alps.txt", ALPS), ("atlantic.txt", ATLANTIC)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def load_result(path: Path) -> MapResult:
    return MapResult.model_validate_json(path.read_text(encoding="utf-8"))


def test_map_writes_html_geojson_json_and_a_kml_that_fastkml_reads(
    articles: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out" / "trip.html"
    code, _out, err = run_cli(
        ["-q", "map", *articles, "-o", str(out), "--tiles", "none", "--kml"], capsys
    )
    assert code == EXIT_OK, err
    for suffix in (".html", ".geojson", ".json", ".kml"):
        assert out.with_suffix(suffix).is_file(), suffix
    result = load_result(out.with_suffix(".json"))
    assert len(result.routes) == 2
    root = kml.KML.from_string(out.with_suffix(".kml").read_text(encoding="utf-8"))
    document = root.features[0]
    assert isinstance(document, Document)
    folders = [f for f in document.features if isinstance(f, Folder)]
    route_folders = [f for f in folders if f.id and f.id.startswith("route-")]
    assert len(route_folders) == len(result.routes)
    stop_names = {
        (placemark.name or "").split(". ", 1)[-1]
        for folder in route_folders
        for placemark in folder.features
        if isinstance(placemark, Placemark) and placemark.id and "-stop-" in placemark.id
    }
    assert stop_names == {stop.name for route in result.routes for stop in route.stops}
    assert "Vienna" in stop_names
    geojson = json.loads(out.with_suffix(".geojson").read_text(encoding="utf-8"))
    assert geojson["type"] == "FeatureCollection"


def test_embed_prints_an_iframe_for_the_page(
    articles: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "embed.html"
    code, stdout, err = run_cli(
        ["-q", "map", articles[0], "-o", str(out), "--tiles", "none", "--embed"], capsys
    )
    assert code == EXIT_OK, err
    snippets = [line for line in stdout.splitlines() if line.startswith("<iframe")]
    assert len(snippets) == 1
    snippet = snippets[0]
    assert snippet.endswith("</iframe>")
    assert 'src="' in snippet and "embed.html" in snippet
    assert 'title="' in snippet


def test_actor_keeps_only_that_travellers_routes(
    articles: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    everyone = tmp_path / "all.html"
    code, _out, err = run_cli(
        ["-q", "map", *articles, "-o", str(everyone), "--tiles", "none"], capsys
    )
    assert code == EXIT_OK, err
    actors = [route.actor for route in load_result(everyone.with_suffix(".json")).routes]
    assert any("Doe" in actor for actor in actors) and any("Berg" in actor for actor in actors)

    only = tmp_path / "only.html"
    code, _out, err = run_cli(
        ["-q", "map", *articles, "-o", str(only), "--tiles", "none", "--actor", "Arne Berg"], capsys
    )
    assert code == EXIT_OK, err
    kept = load_result(only.with_suffix(".json")).routes
    assert kept and all("Berg" in route.actor for route in kept)
    assert [r.actor for r in kept] == [a for a in actors if "Berg" in a]


def test_title_sets_the_title_in_the_json_and_the_page(
    articles: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "titled.html"
    title = "Spring & summer <journeys>"
    code, _out, err = run_cli(
        ["-q", "map", *articles, "-o", str(out), "--tiles", "none", "--title", title], capsys
    )
    assert code == EXIT_OK, err
    assert load_result(out.with_suffix(".json")).title == title
    page = out.read_text(encoding="utf-8")
    assert "<title>Spring &amp; summer &lt;journeys&gt;</title>" in page


def test_extract_prints_one_json_line_per_article_with_toponyms(
    articles: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, err = run_cli(["-q", "extract", *articles], capsys)
    assert code == EXIT_OK, err
    lines = stdout.splitlines()
    assert len(lines) == len(articles)
    texts = [Path(path).read_text(encoding="utf-8") for path in articles]
    for line, text in zip(lines, texts, strict=True):
        record = json.loads(line)
        assert record["toponyms"], record
        for toponym in record["toponyms"]:
            assert {"start", "end", "name", "lat", "lon", "confidence"} <= toponym.keys()
            assert text[toponym["start"] : toponym["end"]] == toponym["name"]
            assert 0.0 <= toponym["confidence"] <= 1.0
    names = {t["name"] for t in json.loads(lines[0])["toponyms"]}
    assert {"Lyon", "Geneva", "Vienna"} <= names


def test_extract_jsonl_writes_one_line_per_input_line(
    tmp_path: Path,
    gazetteer: Gazetteer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = tmp_path / "in.jsonl"
    records = [
        {"id": "alps", "text": ALPS},
        {"id": "harbour", "text": HARBOUR},
        {"id": "none", "text": "Nothing here names a place at all."},
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, stdout, err = run_cli(
        ["-q", "extract", "--input-jsonl", str(source), "-o", str(out)], capsys
    )
    assert code == EXIT_OK, err
    assert stdout == ""
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["alps", "harbour", "none"]
    harbour = json.loads(lines[1])["toponyms"]
    assert "Valparaíso" in {t["name"] for t in harbour}


def test_gazetteer_info_and_search(
    gazetteer: Gazetteer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, err = run_cli(["gazetteer", "info"], capsys)
    assert code == EXIT_OK, err
    assert "places:" in stdout and "cache:" in stdout
    code, stdout, err = run_cli(["gazetteer", "search", "Vladivostok"], capsys)
    assert code == EXIT_OK, err
    rows = [line for line in stdout.splitlines() if line.startswith("Vladivostok")]
    assert rows and "Russia" in rows[0]


@pytest.mark.parametrize("where", ["proc", "under_a_file"])
def test_unwritable_output_exits_5_with_one_line(
    articles: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    if where == "proc":
        target = Path("/proc/geomap-no-such-dir/map.html")
        if not Path("/proc").is_dir():
            pytest.skip("no /proc on this system")
    else:
        regular = tmp_path / "plain.txt"
        regular.write_text("a file, not a directory\n", encoding="utf-8")
        target = regular / "map.html"
    for command in (
        ["map", articles[0], "-o", str(target), "--tiles", "none"],
        ["extract", articles[0], "-o", str(target.with_suffix(".jsonl"))],
    ):
        code, stdout, err = run_cli(command, capsys)
        assert code == EXIT_OUTPUT, (command, err)
        lines = err.strip().splitlines()
        assert len(lines) == 1, err
        assert lines[0].startswith("geomap: error:"), err
        assert "Traceback" not in err
        assert "<iframe" not in stdout
    assert not target.exists()


def test_schema_prints_valid_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, err = run_cli(["schema"], capsys)
    assert code == EXIT_OK, err
    schema = json.loads(stdout)
    assert schema["type"] == "object"
    assert {"articles", "places", "routes"} <= schema["properties"].keys()


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs /usr/bin/chromium")
def test_png_is_a_png(
    articles: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "shot.html"
    code, _out, err = run_cli(
        ["-q", "map", articles[0], "-o", str(out), "--tiles", "none", "--png"], capsys
    )
    assert code == EXIT_OK, err
    data = out.with_suffix(".png").read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 1000
