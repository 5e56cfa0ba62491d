"""output/: built to the side, swapped in whole, never a folder we do not own, one build at a time."""

from __future__ import annotations

import errno
import os
import pathlib

import pytest
from sitekit import tree

from generator.errors import OutputError
from generator.output import staging as staging_mod
from generator.output import writer as output
from generator.output.staging import publish
from generator.output.writer import MARKER, build_lock, recover


@pytest.fixture
def dirs(tmp_path: pathlib.Path) -> tuple[pathlib.Path, pathlib.Path, pathlib.Path]:
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (root / "site.yaml").write_text("title: x\n")
    return root, root / "output", root / ".impactsite"


def test_the_first_build_creates_output_with_the_marker(dirs: tuple[pathlib.Path, ...]) -> None:
    root, out, state = dirs
    publish(root, out, state, {"index.html": b"home", "stories/a/index.html": b"a"})
    assert tree(out) == {
        MARKER: output.MARKER_TEXT.encode(),
        "index.html": b"home",
        "stories/a/index.html": b"a",
    }


def test_a_new_build_replaces_the_whole_output(dirs: tuple[pathlib.Path, ...]) -> None:
    root, out, state = dirs
    publish(root, out, state, {"index.html": b"old", "stories/gone/index.html": b"gone"})
    publish(root, out, state, {"index.html": b"new"})
    assert tree(out) == {MARKER: output.MARKER_TEXT.encode(), "index.html": b"new"}
    # No staging folder left behind; the previous build is kept as the spare the next build corrects.
    assert sorted(p.name for p in state.iterdir()) == ["spare-output"]
    assert tree(state / "spare-output") == {
        MARKER: output.MARKER_TEXT.encode(),
        "index.html": b"old",
        "stories/gone/index.html": b"gone",
    }


def test_the_spare_is_corrected_into_exactly_the_new_build(
    dirs: tuple[pathlib.Path, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, out, state = dirs
    publish(
        root,
        out,
        state,
        {"index.html": b"one", "a/index.html": b"a", "deep/er/x.html": b"x", "same.css": b"css"},
    )
    publish(root, out, state, {"index.html": b"two", "same.css": b"css"})
    spare = state / "spare-output"
    (spare / "stray.html").write_text("left by someone")  # whatever the spare holds, the result is exact
    (spare / "link.html").symlink_to(root / "site.yaml")
    written: list[str] = []
    real_open = open

    def spy(path: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "w" in mode:
            written.append(pathlib.Path(str(path)).name)
        return real_open(path, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(staging_mod, "open", spy, raising=False)
    new = {"index.html": b"three", "same.css": b"css", "link.html": b"page", "deep/er/x.html": b"x"}
    publish(root, out, state, new)
    assert tree(out) == {MARKER: output.MARKER_TEXT.encode(), **new}
    assert not (out / "link.html").is_symlink() and (root / "site.yaml").read_text() == "title: x\n"
    assert "same.css" not in written and "x.html" not in written  # unchanged bytes are not written again
    assert not (out / "a").exists() and not (out / "stray.html").exists()


def test_without_an_atomic_exchange_the_two_renames_give_the_same_result(
    dirs: tuple[pathlib.Path, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, out, state = dirs
    publish(root, out, state, {"index.html": b"old"})
    monkeypatch.setattr(output, "exchange", lambda a, b: False)
    publish(root, out, state, {"index.html": b"new"})
    assert tree(out) == {MARKER: output.MARKER_TEXT.encode(), "index.html": b"new"}
    assert not (state / "previous-output").exists()


def test_recover_finishes_a_swap_interrupted_between_its_renames(dirs: tuple[pathlib.Path, ...]) -> None:
    root, out, state = dirs
    publish(root, out, state, {"index.html": b"old"})
    state.mkdir(exist_ok=True)
    os.rename(out, state / "previous-output")  # the first rename happened, then the machine stopped
    (state / "staging-99999").mkdir()
    (state / "staging-99999" / "half.html").write_bytes(b"half")
    recover(out, state)
    assert tree(out) == {MARKER: output.MARKER_TEXT.encode(), "index.html": b"old"}
    assert list(state.iterdir()) == []


def test_a_build_after_an_interrupted_swap_recovers_then_publishes(dirs: tuple[pathlib.Path, ...]) -> None:
    root, out, state = dirs
    publish(root, out, state, {"index.html": b"old"})
    os.rename(out, state / "previous-output")
    publish(root, out, state, {"index.html": b"new"})
    assert tree(out) == {MARKER: output.MARKER_TEXT.encode(), "index.html": b"new"}
    assert [p.name for p in state.iterdir()] == ["spare-output"]  # the recovered build, kept as the spare


def test_a_failed_write_leaves_the_previous_output_untouched(
    dirs: tuple[pathlib.Path, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, out, state = dirs
    publish(root, out, state, {"index.html": b"old"})
    before = tree(out)

    real_open = open

    def disk_full(path: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "w" in mode:
            real_open(path, mode).close()  # the file is made, then the disk fills
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(path, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(staging_mod, "open", disk_full, raising=False)
    with pytest.raises(OutputError) as exc:
        publish(root, out, state, {"index.html": b"new"})
    assert (
        str(exc.value) == "could not write the new build (the disk is full); the previous output is untouched"
    )
    assert tree(out) == before
    assert list(state.iterdir()) == []


def test_refuses_a_folder_it_did_not_make(dirs: tuple[pathlib.Path, ...]) -> None:
    root, out, state = dirs
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with pytest.raises(OutputError) as exc:
        publish(root, out, state, {"index.html": b"x"})
    assert str(exc.value) == (
        f"{out} holds files impactsite did not make (no {MARKER} marker); "
        "move them somewhere else or delete the folder, then build again"
    )
    assert (out / "notes.txt").read_text() == "mine"


def test_an_empty_folder_is_fine(dirs: tuple[pathlib.Path, ...]) -> None:
    root, out, state = dirs
    out.mkdir()
    publish(root, out, state, {"index.html": b"x"})
    assert (out / MARKER).is_file()


@pytest.mark.parametrize("what", ["site.yaml", "content"])
def test_refuses_a_folder_holding_site_sources_even_with_a_marker(
    dirs: tuple[pathlib.Path, ...], what: str
) -> None:
    root, out, state = dirs
    out.mkdir()
    (out / MARKER).write_text(output.MARKER_TEXT)
    (out / what).mkdir() if what == "content" else (out / what).write_text("title: x\n")
    with pytest.raises(OutputError) as exc:
        publish(root, out, state, {"index.html": b"x"})
    assert str(exc.value) == f"{out} contains the site's sources; impactsite will not clean it"
    assert (out / what).exists()


def test_refuses_the_site_itself_or_a_folder_around_it(dirs: tuple[pathlib.Path, ...]) -> None:
    root, _, state = dirs
    for target in (root, root.parent):
        with pytest.raises(OutputError, match="contains the site's sources; impactsite will not clean it$"):
            publish(root, target, state, {"index.html": b"x"})
    assert (root / "site.yaml").exists()


def test_refuses_a_symlink_and_a_file(dirs: tuple[pathlib.Path, ...], tmp_path: pathlib.Path) -> None:
    root, out, state = dirs
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out.symlink_to(elsewhere)
    with pytest.raises(OutputError) as exc:
        publish(root, out, state, {"index.html": b"x"})
    assert str(exc.value) == f"{out} is a symbolic link; impactsite only writes to a real folder it owns"
    out.unlink()
    out.write_text("a file")
    with pytest.raises(OutputError) as exc:
        publish(root, out, state, {"index.html": b"x"})
    assert str(exc.value) == f"{out} is a file, not a folder; move it away and build again"
    assert list(elsewhere.iterdir()) == []


def test_one_build_at_a_time(tmp_path: pathlib.Path) -> None:
    with (
        build_lock(tmp_path / ".impactsite"),
        pytest.raises(OutputError) as exc,
        build_lock(tmp_path / ".impactsite", wait_seconds=0.2),
    ):
        pass  # pragma: no cover - never entered
    assert (
        str(exc.value) == "another impactsite build is running on this site; try again when it has finished"
    )
    with build_lock(tmp_path / ".impactsite", wait_seconds=0.2):  # released: free again
        pass
