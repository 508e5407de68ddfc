"""``communique kb``: search and inspect the knowledge base, build its cache."""

from __future__ import annotations

import json
import time

import click


def _load(kb_dir: str | None, rebuild: bool = False):
    from communique.cli.common import err_console
    from communique.kb import cache_ready, load_kb

    if rebuild or not cache_ready(kb_dir):
        err_console.print("building the knowledge-base cache (about 20-30 s) ...")
    return load_kb(kb_dir, rebuild=rebuild)


_kb_dir = click.option("--kb-dir", envvar="COMMUNIQUE_KB_DIR", default=None, type=click.Path(file_okay=False),
                       help="Directory of YAML/TSV files that add to or override the shipped KB (also COMMUNIQUE_KB_DIR).")


@click.group("kb")
def kb() -> None:
    """The knowledge base: countries, places, organisations and office-holders in five languages."""


@kb.command("search")
@click.argument("name", nargs=-1, required=True)
@click.option("--limit", default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of matches, best first.")
@_kb_dir
def search(name: tuple[str, ...], limit: int, as_json: bool, kb_dir: str | None) -> None:
    """Find entities by NAME in any language or script (Lawrow, Лаврова, ШОС, Weißrussland)."""
    res = _load(kb_dir).search(" ".join(name), limit=limit)
    if as_json:
        click.echo(json.dumps(res, ensure_ascii=False))
        return
    if not res:
        click.echo("no match", err=True)
        raise SystemExit(1)
    for r in res:
        extra = f"  ({r['role']})" if r.get("role") else ""
        click.echo(f"{r['id']:<40} {r['type']:<12} {r['name']} [{r['country'] or '-'}]{extra}")


@kb.command("show")
@click.argument("entity_id")
@_kb_dir
def show(entity_id: str, kb_dir: str | None) -> None:
    """Show one entity record (names, terms, ids) as JSON."""
    rec = _load(kb_dir).get(entity_id)
    if rec is None:
        raise click.ClickException(f"no entity {entity_id!r}")
    click.echo(json.dumps(rec, ensure_ascii=False, indent=2))


@kb.command("stats")
@_kb_dir
def stats(kb_dir: str | None) -> None:
    """Counts of entities by type and of indexed names."""
    click.echo(json.dumps(_load(kb_dir).stats(), ensure_ascii=False, indent=2))


@kb.command("build")
@_kb_dir
def build_cmd(kb_dir: str | None) -> None:
    """Compile the data files into the cache now (otherwise done on first use)."""
    from communique.kb import cache_dir

    from communique.kb.wordstore import prepare

    t0 = time.perf_counter()
    # the compact word stores first (simplemma's dictionaries as DAWGs, s15): the KB build looks words up in them
    built = prepare()
    t1 = time.perf_counter()
    from communique.mentions.capnames import _name_like

    _name_like("de")  # the German name-like dictionary entries, cached beside them
    words = ", ".join(f"{lang} {s:.1f}s" if s else f"{lang} cached" for lang, s in built.items())
    click.echo(f"word stores: {words}; German name-like entries {time.perf_counter() - t1:.1f}s")
    t0 = time.perf_counter()
    kb_ = _load(kb_dir, rebuild=True)
    click.echo(f"built {kb_.stats()['entities']} entities, {kb_.stats()['names']} names "
               f"in {time.perf_counter() - t0:.1f}s -> {cache_dir()}")
