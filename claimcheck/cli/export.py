"""`claimcheck export`: ClaimReview JSON-LD to publish, JSONL to back up or move a desk."""

from __future__ import annotations

from typing import Annotated

import typer

from claimcheck.cli.common import OutputOption, err, session, settings, write_output
from claimcheck.render import tables
from claimcheck.render.jsonout import dumps_for_html
from claimcheck.services import backup, claimreview

export_app = typer.Typer(help="Export verdicts and data.", no_args_is_help=True)

ArticleFilter = Annotated[
    list[int] | None,
    typer.Option("--article", "-a", help="Only this article (repeatable).", metavar="ID"),
]


@export_app.command("claimreview")
def export_claimreview(
    ctx: typer.Context,
    article: ArticleFilter = None,
    org_name: Annotated[
        str | None, typer.Option(help="Publishing organization (default: from --config).")
    ] = None,
    org_url: Annotated[
        str | None, typer.Option(help="Its website (default: from --config).")
    ] = None,
    output: OutputOption = None,
) -> None:
    """schema.org ClaimReview JSON-LD for every verified or disputed claim."""
    desk = settings(ctx)
    organization = desk.publisher(org_name, org_url)
    with session(ctx) as s:
        result = claimreview.export(
            s, scale=desk.ratings, organization=organization, articles=article or ()
        )
    for warning in result.warnings:
        tables.error(err, warning, label="Warning")
    write_output(dumps_for_html(result.document) + "\n", output)
    err.print(f"{len(result.document['@graph'])} ClaimReview items", markup=False, highlight=False)


@export_app.command("jsonl")
def export_jsonl(ctx: typer.Context, output: OutputOption = None) -> None:
    """Everything, losslessly: articles with their raw text, sentences, claims, ratings,
    evidence, review history, repeated-claim pairs and groups. `import jsonl` reads it."""
    with session(ctx) as s:
        write_output(backup.export_lines(s), output)
