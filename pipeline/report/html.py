"""Render a :class:`~pipeline.report.blocks.Page` as an HTML page. Nothing here writes files.

Every text is escaped here, so a core area named ``Skole<img src=x onerror=alert(1)>`` shows as
text. Charts load the one ``plotly.min.js`` written beside the pages (:data:`PLOTLY_JS`).
"""

from __future__ import annotations

from html import escape

from pipeline.report import blocks as pm
from pipeline.report.links import safe_href

__all__ = ["CSS", "PLOTLY_JS", "figure_html", "plotly_bundle", "render_html"]

#: The one copy of Plotly's JavaScript, written beside the pages that have charts.
PLOTLY_JS = "plotly.min.js"

#: The style sheet of every report page.
CSS = """
  body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: #1d2327; margin: 0; \
background: #f5f6f7; line-height: 1.5; }
  main { max-width: 980px; margin: 0 auto; background: white; padding: 2rem 2.5rem 3rem; }
  .top { border-bottom: 3px solid #1f6f8b; margin-bottom: 1.5rem; }
  .top p { color: #555; margin: 0.2rem 0 0.8rem; }
  h1 { margin: 0.2rem 0; font-size: 1.9rem; }
  h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
  h3 { margin-bottom: 0.3rem; }
  .question { background: #eef5f8; border-left: 4px solid #1f6f8b; padding: 0.8rem 1rem; font-style: italic; }
  .facts { display: flex; gap: 1.5rem; flex-wrap: wrap; margin: 1rem 0; }
  .fact { background: #f5f6f7; padding: 0.5rem 1rem; border-radius: 4px; }
  .fact b { font-size: 1.3rem; display: block; }
  .theme { border: 1px solid #dde3e6; border-radius: 6px; padding: 0.8rem 1.1rem; margin: 1rem 0; }
  .theme .meta { color: #555; font-size: 0.92rem; }
  .badge { display: inline-block; background: #1f6f8b; color: white; border-radius: 3px; \
padding: 0 0.45rem; font-size: 0.85rem; }
  .badge.quiet { background: #7a8a94; }
  .badge.curated { background: #8b5a1f; }
  .memo { border-left: 3px solid #8b5a1f; padding: 0.2rem 0.7rem; }
  .kw { display: inline-block; background: #eef0f1; border-radius: 3px; padding: 0 0.35rem; \
margin: 0 0.15rem 0.15rem 0; font-size: 0.85rem; }
  blockquote { margin: 0.5rem 0 0.5rem 0.5rem; padding-left: 0.8rem; border-left: 3px solid #c9d6dc; }
  blockquote cite { color: #555; font-style: normal; font-size: 0.88rem; }
  a { color: #1f6f8b; }
  table { border-collapse: collapse; width: 100%; font-size: 0.93rem; }
  th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
  .src { color: #777; font-size: 0.85rem; }
  span[id]:target { background: #fff3b0; }
  .stmt-themes { color: #777; font-size: 0.8rem; }
  footer, .footer { margin-top: 3rem; color: #777; font-size: 0.85rem; }
  details summary { cursor: pointer; }
  .summary { background: #f6f8f0; padding: 0.4rem 0.7rem; border-radius: 4px; }
  figure { margin: 1rem 0 2rem; }
  figcaption { color: #555; font-size: 0.88rem; }
  cite { font-style: normal; }
  .pages a { margin-right: 0.8rem; }
  @media (max-width: 600px) { main { padding: 1rem; } h1 { font-size: 1.5rem; } }
  @media print {
    body { background: white; }
    main { max-width: none; padding: 0; }
    .pages, .modebar, .modebar-container, details summary { display: none !important; }
    details > * { display: block; }
    .theme, figure, blockquote, tr { page-break-inside: avoid; break-inside: avoid; }
    h2, h3 { page-break-after: avoid; break-after: avoid; }
    a { color: inherit; text-decoration: none; }
  }
  mark { background: #fff3b0; padding: 0 0.1rem; }
  .notice { background: #fff8e6; border-left: 4px solid #c9a227; padding: 0.6rem 1rem; \
margin: 1rem 0; display: block; }
  .pages { font-size: 0.9rem; margin-bottom: 0.5rem; }
"""


def plotly_bundle() -> str:
    """Plotly's JavaScript (the version the charts were made with), for :data:`PLOTLY_JS` beside the pages."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def figure_html(fig, div_id: str) -> str:
    """A chart as an HTML fragment that loads Plotly from :data:`PLOTLY_JS`."""
    # A fixed div id keeps the HTML byte-identical between runs (Plotly's default is a random UUID).
    return fig.to_html(
        full_html=False,
        include_plotlyjs=False,  # the pages load one plotly.min.js beside them
        div_id=div_id,
        # No tool bar: on a phone it covers the chart's title, and it is nothing a reader of a report needs.
        config={"displaylogo": False, "responsive": True, "displayModeBar": False},
    )


def _attr(name: str, value: str) -> str:
    return f' {name}="{escape(value)}"' if value else ""


def _inline(run: pm.Inline) -> str:
    if isinstance(run, str):
        return escape(run, quote=False)
    text = escape(run.text, quote=False)
    if isinstance(run, pm.Strong):
        return f"<b>{text}</b>"
    if isinstance(run, pm.Emph):
        return f"<i>{text}</i>"
    if isinstance(run, pm.Link):
        href = safe_href(run.href)
        return f'<a href="{escape(href)}">{text}</a>' if href else text
    if isinstance(run, pm.Mark):
        return f"<mark>{text}</mark>"
    if isinstance(run, pm.Code):
        return f"<code>{text}</code>"
    if isinstance(run, pm.Anchor):
        return f"<span{_attr('id', run.id)}>{text}</span>"
    if isinstance(run, pm.Tag):
        return f'<span class="{escape(run.kind or "tag")}">{text}</span>'
    raise TypeError(f"not an inline: {run!r}")


def _inlines(runs: pm.Inlines) -> str:
    return "".join(_inline(r) for r in runs)


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.figures = 0

    def block(self, b: pm.Block) -> None:
        out = self.lines.append
        if isinstance(b, pm.Heading):
            level = min(max(b.level, 1), 6)
            out(f"<h{level}{_attr('id', b.anchor)}>{_inlines(b.text)}</h{level}>")
        elif isinstance(b, pm.Paragraph):
            out(f"<p{_attr('class', b.kind)}>{_inlines(b.text)}</p>")
        elif isinstance(b, pm.BulletList):
            out("<ul>")
            self.lines.extend(f"<li>{_inlines(item)}</li>" for item in b.items)
            out("</ul>")
        elif isinstance(b, pm.Table):
            out("<table>")
            if b.caption:
                out(f"<caption>{escape(b.caption)}</caption>")
            if b.header:
                out("<tr>" + "".join(f"<th>{escape(h)}</th>" for h in b.header) + "</tr>")
            for row in b.rows:
                cells = [f"<td>{_inlines(c)}</td>" for c in row]
                if not b.header and cells:  # a key–value table: the key is the row's header
                    cells[0] = f"<th>{_inlines(row[0])}</th>"
                out("<tr>" + "".join(cells) + "</tr>")
            out("</table>")
        elif isinstance(b, pm.Figure):
            self.figures += 1
            chart = figure_html(b.figure, f"fig-{b.name}")
            out(f"<figure>{chart}<figcaption>Figur {self.figures}: {escape(b.caption)}</figcaption></figure>")
        elif isinstance(b, pm.Quote):
            out(f"<blockquote>{_inlines(b.text)} <cite>– {_inlines(b.source)}</cite></blockquote>")
        elif isinstance(b, pm.Note):
            out(f'<aside class="notice {escape(b.kind)}">{_inlines(b.text)}</aside>')
        elif isinstance(b, pm.Section):
            if b.collapsed:
                out(f"<details{_attr('id', b.anchor)}{_attr('class', b.kind)}>")
                out(f"<summary>{escape(b.collapsed)}</summary>")
                self.blocks(b.blocks)
                out("</details>")
            else:
                out(f"<section{_attr('class', b.kind)}{_attr('id', b.anchor)}>")
                self.blocks(b.blocks)
                out("</section>")
        else:
            raise TypeError(f"not a block: {b!r}")

    def blocks(self, blocks: tuple[pm.Block, ...]) -> None:
        for b in blocks:
            self.block(b)


def _has_figure(blocks: tuple[pm.Block, ...]) -> bool:
    return any(
        isinstance(b, pm.Figure) or (isinstance(b, pm.Section) and _has_figure(b.blocks)) for b in blocks
    )


def render_html(page: pm.Page) -> str:
    """The page as a complete HTML document (charts load :data:`PLOTLY_JS` from the same folder).

    Args:
        page: The page's blocks.

    Returns:
        The HTML text; the same page gives the same bytes.
    """
    writer = _Writer()
    writer.blocks(page.blocks)
    script = f'<script src="{PLOTLY_JS}"></script>\n' if _has_figure(page.blocks) else ""
    head = (
        f'<!DOCTYPE html>\n<html lang="{escape(page.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(page.title)}</title>\n{script}<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
    )
    return head + "\n".join(writer.lines) + "\n</main>\n</body>\n</html>\n"
