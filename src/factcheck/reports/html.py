"""One self-contained HTML page: the article with every checked passage highlighted and
numbered, and a card per claim with the evidence, diffs and source notes.

The page loads nothing and runs no script: the verdict filters are radio buttons driven by CSS,
so they work with JavaScript off, and the Content-Security-Policy forbids every script, so even an
escaping bug could not run one. Article and source text only ever reach the page through
``html.escape``; only http(s) URLs become links.
"""

from __future__ import annotations

from html import escape

from ..diff import Op
from ..messages import misquote_hunks, plain, short_source, supports_label
from ..model import Evidence, Mention, NoteKind, Report, Result, Standing, Status, Verdict, Via
from ..settings import HTML_EXCERPT_CHARS as EXCERPT_CHARS
from ..terminal import strip_controls
from .findings import clip, discrepancies, gate, ordered, spans, web_url

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"

_COLOURS = {  # background, accent
    Verdict.SUPPORTED: ("#d9f2dd", "#1e7b34"),
    Verdict.CONTRADICTED: ("#fbd5d5", "#b42318"),
    Verdict.MISSPELLED: ("#fde2c4", "#b54708"),
    Verdict.MISQUOTED: ("#eadcfb", "#6941c6"),
    Verdict.DISPUTED: ("#fbd3ec", "#a11a6f"),
    Verdict.UNVERIFIED: ("#fdf1b8", "#8a6a00"),
    Verdict.NOT_FOUND: ("#e4e7ec", "#475467"),
}


def render(report: Report) -> str:
    title = f"Fact-check: {report.article_path}"
    cards = [_card(report, n, r) for n, r in ordered(report)]
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{_css()}</style>",
        "</head>",
        "<body>",
        _header(report),
        _filters(report),
        '<main>',
        '<section class="article" aria-labelledby="article-h">',
        f'<h2 id="article-h">Article <span class="path">{_e(report.article_path)}</span></h2>',
        f'<div class="text">{_article(report)}</div>',
        "</section>",
        '<section class="claims" aria-labelledby="claims-h">',
        '<h2 id="claims-h">Claims</h2>',
        *cards,
        "</section>",
        "</main>",
        "</body>",
        "</html>",
        "",
    ])


def _e(text: object) -> str:
    return escape(strip_controls(str(text)), quote=True)


def _header(report: Report) -> str:
    total = len(report.results)
    failing = report.failing
    if report.passed:
        outcome = f'<p class="outcome passed">Passed: no claim fails the gate ({total} checked)</p>'
    else:
        outcome = f'<p class="outcome failed">Failed: {failing} of {total} claims fail the gate</p>'
    counts = "".join(
        f'<li class="v-{v}"><span class="badge v-{v}">{v}</span> {n}</li>' for v, n in report.counts.items() if n
    )
    extra = []
    accepted = report.accepted
    stale = [r for r in report.results if report.stale_acceptance(r)]
    if accepted:
        extra.append(f"{accepted} accepted finding{'s' * (accepted > 1)} (reported, not failing the gate)")
    if stale:
        extra.append("stale acceptance: " + ", ".join(f"<code>{_e(r.claim.id)}</code>" for r in stale))
    meta = " ".join([gate(report), *(f"{x[0].upper()}{x[1:]}." for x in extra)])
    return "\n".join([
        "<header>",
        f'<h1>Fact-check: <span class="path">{_e(report.article_path)}</span></h1>',
        outcome,
        f'<ul class="counts">{counts}</ul>',
        f'<p class="meta">{meta}</p>',
        "</header>",
    ])


def _filters(report: Report) -> str:
    """Radio buttons before ``<main>``: their ``:checked`` state filters the cards and marks."""
    options = [("all", "All", len(report.results)), ("fails", "Failing", report.failing)]
    options += [(v, v.replace("_", " "), n) for v, n in report.counts.items() if n]
    parts = ['<p class="filters-title" id="filters-title">Show:</p>']
    for key, label, n in options:
        checked = " checked" if key == "all" else ""
        parts.append(
            f'<input type="radio" name="show" id="show-{key}" aria-describedby="filters-title"{checked}>'
            f'<label class="filter" for="show-{key}">{label} ({n})</label>'
        )
    return "\n".join(parts)


def _article(report: Report) -> str:
    """The original article, escaped, with a numbered ``<mark>`` per mention. Overlapping mentions
    nest; one that would cross another's end is cut at that end."""
    raw = report.article_text
    found = list(spans(report))
    taken = [(start, end) for *_x, start, end in found]
    correct = [c for c in _correct_spellings(report) if not any(c[3] < e and s < c[4] for s, e in taken)]
    marks = sorted(found + correct, key=lambda s: (s[3], -s[4]))
    out: list[str] = []
    pos = 0
    open_ends: list[int] = []

    def close_until(limit: int) -> None:
        nonlocal pos
        while open_ends and open_ends[-1] <= limit:
            end = open_ends.pop()
            out.append(_e(raw[pos:end]) + "</mark>")
            pos = end

    for i, j, _mention, start, end in marks:
        close_until(start)
        out.append(_e(raw[pos:start]))
        pos = start
        if open_ends:
            end = min(end, open_ends[-1])
        result = report.results[i]
        verdict = result.verdict.value
        if j < 0:  # a correctly spelt mention of a misspelled name
            out.append(f'<mark class="hl v-supported correct" title="correct spelling: {_e(result.claim.id)}">'
                       f'<a class="n" href="#claim-{i + 1}">{i + 1}✓</a>')
            open_ends.append(end)
            continue
        out.append(
            f'<mark class="hl v-{verdict}{" fails" if report.fails(result) else ""}" id="m{i + 1}-{j + 1}"'
            f' title="{_e(verdict)}: {_e(result.claim.id)}">'
            f'<a class="n" href="#claim-{i + 1}">{i + 1}</a>'
        )
        open_ends.append(end)
    close_until(len(raw))
    out.append(_e(raw[pos:]))
    return "".join(out)


def _correct_spellings(report: Report) -> list[tuple[int, int, Mention, int, int]]:
    """Where the article spells a misspelled name right, so the page shows both the wrong and the
    right spellings; ``-1`` as the mention index marks them."""
    return [(i, -1, m, m.raw_start, m.raw_end) for i, r in enumerate(report.results) for m in r.spelled_right]


def _card(report: Report, number: int, result: Result) -> str:
    claim = result.claim
    verdict = result.verdict.value
    where = result.standing
    classes = f"card v-{verdict}" + (" fails" if where is Standing.FAILS else "")
    parts = [
        f'<article class="{classes}" id="claim-{number}">',
        f'<h3><span class="num">{number}</span> <span class="badge v-{verdict}">{_e(verdict)}</span>'
        f' <code>{_e(claim.id)}</code> <span class="type">{_e(claim.type.value)}</span></h3>',
    ]
    if where is Standing.FAILS:
        parts.append(f'<p class="gate fails">Fails the gate: a {_e(verdict)} claim fails the run (--fail-on)</p>')
    elif where is Standing.ACCEPTED:
        parts.append(f'<p class="gate accepted">Accepted: {_e(claim.accepted)}</p>')
    elif where is Standing.STALE:
        parts.append(
            f'<p class="gate stale">Stale acceptance: the claim is now supported; remove'
            f' <code>accepted: {_e(claim.accepted)}</code></p>'
        )
    misquote = result.verdict is Verdict.MISQUOTED and any(d.ops is not None for d in result.discrepancies)
    if misquote:
        d = result.discrepancies[0]
        best = max((e for e in result.evidence if e.status is Status.CONTRADICTS), key=lambda e: e.score or 0,
                   default=None)
        hunks = misquote_hunks(d.article, d.source)
        rendered = "".join(
            f'<li>{"<em>not in the source:</em> " if h.missing else ""}{_ops(list(h.ops), " ")}</li>' for h in hunks
        )
        origin = short_source(best.source) if best else "the source"
        parts.append(f'<p class="message">The quotation differs from {_e(origin)}'
                     f' (<del>article</del>, <ins>source</ins>):</p><ul class="diff">{rendered}</ul>')
    else:
        parts.append(f'<p class="message">{_e(result.message)}</p>')
    if result.mentions:
        items = "".join(
            f'<li><a href="#m{number}-{j}">line {m.line}, column {m.column}</a>'
            + ("" if misquote else f": “{_e(m.text)}”") + "</li>"
            for j, m in enumerate(result.mentions, 1)
        )
        parts.append(f'<ul class="mentions">{items}</ul>')
    else:
        parts.append(f'<p class="missing">Not located in the article. Claim text: “{_e(claim.text)}”</p>')
    for d in [] if misquote else discrepancies(result):
        diff = f'<span class="diff">{_ops(list(d.ops), d.sep)}</span>' if d.ops is not None else ""
        parts.append(
            f'<p class="discrepancy">Article “{_e(d.article)}” · {_e(d.label)} “{_e(d.source)}”'
            f'{"<br>" + diff if diff else ""}</p>'
        )
    facts = [("expected", claim.expect), ("aliases", ", ".join(claim.aliases)), ("note", claim.note)]
    rows = "".join(f"<dt>{k}</dt><dd>{_e(v)}</dd>" for k, v in facts if v)
    if rows:
        parts.append(f"<dl>{rows}</dl>")
    if result.evidence:
        parts.append('<ul class="evidence">' + "".join(_evidence(e, supports_label(claim, e, result.verdict))
                                                    for e in result.evidence) + "</ul>")
    else:
        parts.append('<p class="evidence none">No sources given.</p>')
    parts.append("</article>")
    return "\n".join(parts)


def _ops(ops: list[Op], sep: str) -> str:
    tags = {
        "equal": "{}",
        "delete": '<del title="only in the article">{}</del>',
        "insert": '<ins title="only in the source">{}</ins>',
    }
    return sep.join(tags[op.kind].format(_e(op.text)) for op in ops)


# Where a page's text came from is a normal state, shown as a neutral badge; the rest is worth a look.
_ORIGIN = {Via.CACHE: "from the cache", Via.ARCHIVE: "archive used", Via.FILE: "local file"}
_NORMAL = (NoteKind.CACHE_USED, NoteKind.ARCHIVE_USED, NoteKind.REDIRECTED)


def _evidence(e: Evidence, label: str) -> str:
    if web_url(e.source):
        link = f'<a href="{_e(e.source)}" rel="noopener noreferrer nofollow">{_e(e.source)}</a>'
    else:
        link = f'<span class="source">{_e(e.source)}</span>'
    parts = [f'<li class="st-{e.status.value}">', link, f' <span class="status">{_e(label)}</span>']
    if e.via in _ORIGIN and not any(n.kind in _NORMAL[:2] for n in e.notes):  # a note that says it already
        parts.append(f' <span class="note neutral">{_ORIGIN[e.via]}</span>')
    for n in e.notes:
        kind = "neutral" if n.kind in _NORMAL else "warn"
        parts.append(f' <span class="note {kind}" title="{_e(n.text)}">{_e(n.text)}</span>')
    if e.status is Status.ERROR and e.error:
        parts.append(f'<p class="error">{_e(e.error)}</p>')
    if e.value:
        parts.append(f'<p class="value">Source value: “{_e(plain(e.value))}”</p>')
    if e.text:
        parts.append(f"<blockquote>{_e(clip(e.text, EXCERPT_CHARS))}</blockquote>")
    parts.append("</li>")
    return "".join(parts)


def _css() -> str:
    verdicts = [v.value for v in Verdict]
    colours = "".join(
        f".v-{v.value}{{--bg:{bg};--fg:{fg}}}" for v, (bg, fg) in _COLOURS.items()
    )
    filters = "".join(
        f"#show-{v}:checked~main .card:not(.v-{v}){{display:none}}"
        f"#show-{v}:checked~main mark.hl:not(.v-{v}){{background:none;outline:0}}"
        for v in verdicts
    )
    return (
        ":root{color-scheme:light;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2939}"
        "body{margin:0 auto;max-width:90rem;padding:1rem}"
        "h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.15rem}h3{font-size:1rem;margin:0 0 .4rem}"
        ".path,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}"
        ".outcome{font-weight:700;margin:.3rem 0}.outcome.failed{color:#b42318}.outcome.passed{color:#1e7b34}"
        ".counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}.meta{color:#475467}"
        + colours
        + ".badge{background:var(--bg);color:var(--fg);border:1px solid var(--fg);border-radius:.3rem;"
        "padding:0 .35rem;font-size:.85em;font-weight:600}"
        ".filters-title{display:inline;margin-right:.3rem}"
        "input[name=show]{position:absolute;opacity:0;width:1px;height:1px}"
        "label.filter{display:inline-block;margin:.15rem;padding:.25rem .7rem;border:1px solid #98a2b3;"
        "border-radius:1rem;cursor:pointer;background:#fff}"
        "input[name=show]:checked+label{background:#1d2939;color:#fff;border-color:#1d2939}"
        "input[name=show]:focus-visible+label{outline:3px solid #2e90fa;outline-offset:2px}"
        "#show-fails:checked~main .card:not(.fails){display:none}"
        "#show-fails:checked~main mark.hl:not(.fails){background:none;outline:0}"
        + filters
        + "main{display:block;margin-top:.8rem}"
        ".article .text{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,serif;line-height:1.6;"
        "border:1px solid #d0d5dd;border-radius:.4rem;padding:.8rem}"
        "mark.hl{background:var(--bg);outline:2px solid var(--fg);border-radius:.15rem;color:inherit}"
        "mark.hl:target{outline-width:4px}"
        "a.n{font:700 .7em system-ui,sans-serif;vertical-align:super;color:var(--fg);text-decoration:none;"
        "margin-right:.1rem}"
        ".card{border:1px solid #d0d5dd;border-left:.4rem solid var(--fg);border-radius:.4rem;padding:.7rem .9rem;"
        "margin:0 0 .8rem;overflow-wrap:anywhere}"
        ".card:target{box-shadow:0 0 0 3px #2e90fa}"
        ".num{display:inline-block;min-width:1.5em;text-align:center;background:var(--fg);color:#fff;"
        "border-radius:1em;font-size:.85em}"
        ".type{color:#475467;font-weight:400;font-size:.85em}"
        ".gate{margin:.2rem 0;font-weight:600}.gate.fails{color:#b42318}.gate.accepted{color:#475467}"
        ".gate.stale{color:#8a6a00}"
        ".message{margin:.3rem 0}.mentions,.evidence{padding-left:1.1rem;margin:.3rem 0}"
        ".diff{font-family:ui-monospace,Menlo,Consolas,monospace}"
        "del{background:#fbd5d5;color:#7a271a}ins{background:#d9f2dd;color:#054f31;text-decoration:none}"
        "dl{display:grid;grid-template-columns:max-content 1fr;gap:0 .6rem;margin:.3rem 0}dt{color:#475467}dd{margin:0}"
        ".status{font-weight:600}.note{border-radius:.2rem;padding:0 .3rem;font-size:.85em}"
        ".note.neutral{background:#f2f4f7;color:#475467;border:1px solid #d0d5dd}.note.warn{background:#fdf1b8}"
        "mark.hl.correct{background:#d9f2dd;outline:1px dashed #1e7b34}"
        "ul.diff{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;padding-left:1.1rem}"
        ".error{color:#b42318;margin:.2rem 0}.value{margin:.2rem 0}"
        "blockquote{margin:.3rem 0;padding:.2rem .6rem;border-left:3px solid #d0d5dd;color:#344054;"
        "max-height:12rem;overflow:auto}"
        "@media (min-width:64rem){main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.2rem}"
        ".article{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto}}"
        "@media print{input[name=show],label.filter,.filters-title{display:none}"
        "main{display:block}.article{position:static;max-height:none;overflow:visible}"
        ".card{display:block!important;break-inside:avoid}"
        "mark.hl{background:var(--bg)!important;outline:1px solid var(--fg)!important}"
        "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
        "blockquote{max-height:none;overflow:visible}a{color:inherit}}"
    )
