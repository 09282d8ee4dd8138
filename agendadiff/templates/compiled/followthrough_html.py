# Compiled from templates/followthrough.html.j2 by `python -m agendadiff.render.precompiled`; do not edit.
SOURCE_SHA256 = '51edce56c4e5d0bcd8784a1a096c39ae1eddd640a04ab884b24574844c4bf1aa'
JINJA2 = '3.1.6'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'followthrough.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_lang = resolve('lang')
    l_0_version = resolve('version')
    l_0_heading = resolve('heading')
    l_0_intro = resolve('intro')
    l_0_letters = resolve('letters')
    l_0_summary = resolve('summary')
    l_0_t = resolve('t')
    l_0_page = resolve('page')
    l_0_rows = resolve('rows')
    l_0_commitments = resolve('commitments')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_3 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    pass
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; base-uri \'none\'; form-action \'none\'">\n<meta name="generator" content="agendadiff '
    yield escape((undefined(name='version') if l_0_version is missing else l_0_version))
    yield '">\n<title>'
    yield escape((undefined(name='heading') if l_0_heading is missing else l_0_heading))
    yield '</title>\n<style>\n:root {\n  color-scheme: light dark;\n  --ink: #1d232b; --muted: #535c68; --paper: #fdfdfb; --card: #f2f3ef; --line: #d3d7d0; --accent: #154273;\n  --ok: #14532d; --ok-bg: #dcf2e0; --bad: #8c1d13; --bad-bg: #fbe0dd; --warn: #7a4a00; --warn-bg: #fff0cc;\n  --info: #1e3a8a; --info-bg: #e0e9fb; --none: #4b5563; --none-bg: #eceeea;\n}\n@media (prefers-color-scheme: dark) {\n  :root {\n    --ink: #e6e8ea; --muted: #a9b1bb; --paper: #16191d; --card: #1f2329; --line: #3a4049; --accent: #8fb8e8;\n    --ok: #a6e3b4; --ok-bg: #193a24; --bad: #ffb4ab; --bad-bg: #4a1f1c; --warn: #ffd48a; --warn-bg: #40300f;\n    --info: #bcd0fb; --info-bg: #1d2a4a; --none: #c5cbd3; --none-bg: #2a2f36;\n  }\n}\n* { box-sizing: border-box; }\nbody { margin: 0; background: var(--paper); color: var(--ink);\n  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; overflow-wrap: anywhere; }\nmain { max-width: 64rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }\nh1 { font-size: 1.5rem; line-height: 1.3; margin: 0 0 .25rem; }\nh2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }\n.intro, .letters { color: var(--muted); margin: .25rem 0; }\n.letters span { display: inline-block; margin-right: 1.25rem; }\n.summary { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; margin: 1rem 0; }\na.badge { text-decoration: none; }\na.badge:hover, a.badge:focus-visible { text-decoration: underline; }\n.badge { display: inline-block; border-radius: 999px; padding: .1rem .65rem; font-size: .85rem; font-weight: 600; border: 1px solid currentColor; }\n.v-diverged, .s-overdue { color: var(--bad); background: var(--bad-bg); }\n.v-not_reported, .s-dropped { color: var(--warn); background: var(--warn-bg); }\n.v-not_announced, .s-open, .s-repeated { color: var(--info); background: var(--info-bg); }\n.v-as_announced, .s-fulfilled { color: var(--ok); background: var(--ok-bg); }\n.v-no_position { color: var(--none); background: var(--none-bg); }\narticle { border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; margin: .75rem 0; background: var(--card); break-inside: avoid; }\narticle h3 { font-size: 1rem; margin: 0 0 .25rem; display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }\n.decision, .meta { color: var(--muted); font-size: .9rem; }\n.why { margin: .35rem 0; }\ndl { margin: .5rem 0 0; display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }\ndt { font-weight: 600; color: var(--muted); font-size: .9rem; }\ndd { margin: 0; }\nq, .quote { quotes: "‘" "’"; unicode-bidi: isolate; }\n@media (max-width: 40rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: .5rem; } }\nfooter { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); padding-top: .75rem; }\n@media print {\n  body { background: #fff; color: #000; font-size: 11pt; }\n  main { max-width: none; padding: 0; }\n  article { border-color: #999; background: #fff; }\n  .badge { background: #fff !important; color: #000 !important; }\n}\n</style>\n</head>\n<body>\n<main>\n<header>\n<h1>'
    yield escape((undefined(name='heading') if l_0_heading is missing else l_0_heading))
    yield '</h1>\n<p class="intro">'
    yield escape((undefined(name='intro') if l_0_intro is missing else l_0_intro))
    yield '</p>\n'
    if (undefined(name='letters') if l_0_letters is missing else l_0_letters):
        pass
        yield '<p class="letters">'
        for l_1_letter in (undefined(name='letters') if l_0_letters is missing else l_0_letters):
            _loop_vars = {}
            pass
            yield '<span>'
            yield escape(environment.getattr(l_1_letter, 'label'))
            yield ': '
            yield escape(environment.getattr(l_1_letter, 'date'))
            yield ' · <code>'
            yield escape(environment.getattr(l_1_letter, 'source'))
            yield '</code></span>'
        l_1_letter = missing
        yield '</p>'
    yield '\n</header>\n'
    if (undefined(name='summary') if l_0_summary is missing else l_0_summary):
        pass
        yield '\n<h2 id="summary">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'fo_summary'))
        yield '</h2>\n<ul class="summary">'
        for l_1_s in (undefined(name='summary') if l_0_summary is missing else l_0_summary):
            _loop_vars = {}
            pass
            yield '<li><a class="badge '
            yield escape(('v-' if ((undefined(name='page') if l_0_page is missing else l_0_page) == 'outcome') else 's-'))
            yield escape(environment.getattr(l_1_s, 'key'))
            yield '" href="#g-'
            yield escape(environment.getattr(l_1_s, 'key'))
            yield '">'
            yield escape(environment.getattr(l_1_s, 'count'))
            yield ' '
            yield escape(environment.getattr(l_1_s, 'label'))
            yield '</a></li>'
        l_1_s = missing
        yield '</ul>\n'
    yield '\n'
    if ((undefined(name='page') if l_0_page is missing else l_0_page) == 'outcome'):
        pass
        yield '\n<h2 id="items">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'fo_item'))
        yield '</h2>\n'
        for l_1_row in (undefined(name='rows') if l_0_rows is missing else l_0_rows):
            _loop_vars = {}
            pass
            yield '\n<article class="item"'
            if environment.getattr(l_1_row, 'anchor'):
                pass
                yield ' id="'
                yield escape(environment.getattr(l_1_row, 'anchor'))
                yield '"'
            yield '>\n<h3><span>'
            yield escape(environment.getattr(l_1_row, 'title'))
            yield '</span> <span class="badge v-'
            yield escape(environment.getattr(l_1_row, 'verdict_key'))
            yield '">'
            yield escape(environment.getattr(l_1_row, 'verdict_label'))
            yield '</span></h3>\n'
            if environment.getattr(l_1_row, 'decision'):
                pass
                yield '<div class="decision">'
                yield escape(environment.getattr(l_1_row, 'decision'))
                yield '</div>'
            yield '\n<p class="why">'
            yield escape(t_1(context.eval_ctx, environment.getattr(l_1_row, 'why'), '; '))
            yield '</p>\n<dl>\n'
            if environment.getattr(l_1_row, 'said'):
                pass
                yield '<dt>'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'fo_announced'))
                yield '</dt><dd><q lang="nl">'
                yield escape(environment.getattr(l_1_row, 'said'))
                yield '</q></dd>'
            yield '\n'
            if environment.getattr(l_1_row, 'done'):
                pass
                yield '<dt>'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'fo_reported'))
                yield '</dt><dd><q lang="nl">'
                yield escape(environment.getattr(l_1_row, 'done'))
                yield '</q></dd>'
            yield '\n</dl>\n</article>\n'
        l_1_row = missing
        yield '\n'
    else:
        pass
        yield '\n'
        if (not (undefined(name='commitments') if l_0_commitments is missing else l_0_commitments)):
            pass
            yield '<p>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cm_none'))
            yield '</p>'
        yield '\n'
        for (l_1_heading_key, l_1_wanted) in (('cm_open_heading', True), ('cm_closed_heading', False)):
            l_1_shown = missing
            _loop_vars = {}
            pass
            yield '\n'
            l_1_shown = t_2(context.eval_ctx, t_3(context, (undefined(name='commitments') if l_0_commitments is missing else l_0_commitments), 'open', 'equalto', l_1_wanted))
            _loop_vars['shown'] = l_1_shown
            yield '\n'
            if (undefined(name='shown') if l_1_shown is missing else l_1_shown):
                pass
                yield '\n<h2 id="'
                yield escape(('open' if l_1_wanted else 'closed'))
                yield '">'
                yield escape(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), l_1_heading_key))
                yield '</h2>\n'
                for l_2_c in (undefined(name='shown') if l_1_shown is missing else l_1_shown):
                    _loop_vars = {}
                    pass
                    yield '\n'
                    if environment.getattr(l_2_c, 'anchor'):
                        pass
                        yield '<span id="'
                        yield escape(environment.getattr(l_2_c, 'anchor'))
                        yield '"></span>'
                    yield '<article class="commitment" id="c-'
                    yield escape(environment.getattr(l_2_c, 'id'))
                    yield '">\n<h3><span class="badge s-'
                    yield escape(environment.getattr(l_2_c, 'status_key'))
                    yield '">'
                    yield escape(environment.getattr(l_2_c, 'status'))
                    yield '</span> <span class="meta">'
                    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cm_made'))
                    yield ' <a href="'
                    yield escape(environment.getattr(l_2_c, 'made_href'))
                    yield '">'
                    yield escape(environment.getattr(l_2_c, 'made'))
                    yield '</a>'
                    if environment.getattr(l_2_c, 'who'):
                        pass
                        yield ' · '
                        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cm_who'))
                        yield ' <span lang="nl">'
                        yield escape(environment.getattr(l_2_c, 'who'))
                        yield '</span>'
                    if environment.getattr(l_2_c, 'due'):
                        pass
                        yield ' · '
                        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cm_due'))
                        yield ' '
                        yield escape(environment.getattr(l_2_c, 'due'))
                        yield ' (<span lang="nl">'
                        yield escape(environment.getattr(l_2_c, 'due_text'))
                        yield '</span>)'
                    yield '</span></h3>\n<p><q lang="nl">'
                    yield escape(environment.getattr(l_2_c, 'text'))
                    yield '</q></p>\n'
                    if (environment.getattr(l_2_c, 'repeated') or environment.getattr(l_2_c, 'fulfilled')):
                        pass
                        yield '<dl>\n'
                        for l_3_r in environment.getattr(l_2_c, 'repeated'):
                            _loop_vars = {}
                            pass
                            yield '<dt>'
                            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cm_repeated_in'))
                            yield ' '
                            yield escape(environment.getattr(l_3_r, 'date'))
                            yield '</dt><dd><q lang="nl">'
                            yield escape(environment.getattr(l_3_r, 'text'))
                            yield '</q></dd>'
                        l_3_r = missing
                        yield '\n'
                        if environment.getattr(l_2_c, 'fulfilled'):
                            pass
                            yield '<dt>'
                            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cm_fulfilled_in'))
                            yield ' <a href="'
                            yield escape(environment.getattr(environment.getattr(l_2_c, 'fulfilled'), 'href'))
                            yield '">'
                            yield escape(environment.getattr(environment.getattr(l_2_c, 'fulfilled'), 'date'))
                            yield '</a></dt><dd><q lang="nl">'
                            yield escape(environment.getattr(environment.getattr(l_2_c, 'fulfilled'), 'text'))
                            yield '</q></dd>'
                        yield '\n</dl>'
                    yield '\n<div class="meta">id '
                    yield escape(environment.getattr(l_2_c, 'id'))
                    yield '</div>\n</article>\n'
                l_2_c = missing
                yield '\n'
            yield '\n'
        l_1_heading_key = l_1_wanted = l_1_shown = missing
        yield '\n'
    yield '\n<footer>agendadiff '
    yield escape((undefined(name='version') if l_0_version is missing else l_0_version))
    yield '</footer>\n</main>\n</body>\n</html>\n'

blocks = {}
debug_info = '5=40&10=42&11=44&64=46&65=48&66=50&68=66&69=69&70=71&72=87&73=90&74=92&75=96&76=102&77=108&78=114&80=116&81=124&86=137&87=143&88=148&89=151&90=154&91=158&92=162&93=170&94=197&95=199&96=202&97=214&99=227&105=235'
