# Compiled from templates/archive-index.html.j2 by `python -m agendadiff.render.precompiled`; do not edit.
SOURCE_SHA256 = 'c198af35736fa11629179aad5263ce27b68e113872005057d7692e1d35266660'
JINJA2 = '3.1.6'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'archive-index.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_lang = resolve('lang')
    l_0_series = resolve('series')
    l_0_t = resolve('t')
    l_0_rows = resolve('rows')
    l_0_timeline = resolve('timeline')
    l_0_commitments = resolve('commitments')
    l_0_open_commitments = resolve('open_commitments')
    l_0_meetings = resolve('meetings')
    try:
        t_1 = environment.filters['int']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'int' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['round']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'round' found.")
    pass
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; base-uri \'none\'; form-action \'none\'">\n<title>'
    yield escape((undefined(name='series') if l_0_series is missing else l_0_series))
    yield ': '
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_title'))
    yield '</title>\n<style>\n:root { color-scheme: light dark; --ink: #1d232b; --muted: #56606d; --paper: #fdfdfb; --line: #d9dcd6; --bar: #9aa5b1; --pos: #b45309; --accent: #154273; }\n@media (prefers-color-scheme: dark) { :root { --ink: #e6e8ea; --muted: #a2abb6; --paper: #16191d; --line: #343a42; --bar: #6b7683; --pos: #f6ad55; --accent: #8fb8e8; } }\nbody { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }\nmain { max-width: 64rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }\na { color: var(--accent); }\ntable { width: 100%; border-collapse: collapse; font-size: .93rem; }\nth, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }\nth { font-size: .8rem; color: var(--muted); }\ntd.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }\n.muted { color: var(--muted); font-size: .85rem; }\n.heat { display: inline-block; width: 6rem; height: .7rem; border: 1px solid var(--line); border-radius: 3px; overflow: hidden; vertical-align: middle; }\n.heat i { display: block; height: 100%; background: var(--bar); }\n.pos { color: var(--pos); font-weight: 600; }\ntd.date { white-space: nowrap; }\np.timeline { font-size: 1.05rem; margin: 0 0 1.25rem; }\np.timeline a { font-weight: 600; }\nh2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }\n.badge { display: inline-block; border-radius: 999px; padding: 0 .5rem; font-size: .8rem; font-weight: 600; border: 1px solid currentColor; margin: 0 .25rem .25rem 0; white-space: nowrap; }\n.v-diverged { color: #8c1d13; } .v-not_reported { color: #7a4a00; } .v-not_announced { color: #1e3a8a; } .v-as_announced { color: #14532d; } .v-no_position { color: var(--muted); }\n@media (prefers-color-scheme: dark) { .v-diverged { color: #ffb4ab; } .v-not_reported { color: #ffd48a; } .v-not_announced { color: #bcd0fb; } .v-as_announced { color: #a6e3b4; } }\n.kind { font-size: .75rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }\n.scroll { overflow-x: auto; }\n</style>\n</head>\n<body>\n<main>\n<h1>'
    yield escape((undefined(name='series') if l_0_series is missing else l_0_series))
    yield ': '
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_title'))
    yield '</h1>\n<p class="muted">'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_intro'), 'format'), count=t_2((undefined(name='rows') if l_0_rows is missing else l_0_rows))))
    yield '</p>'
    if (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline):
        pass
        yield '\n<p class="timeline"><a href="'
        yield escape((undefined(name='timeline') if l_0_timeline is missing else l_0_timeline))
        yield '">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_timeline'))
        yield '</a> <span class="muted">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_timeline_intro'))
        yield '</span></p>'
    if (undefined(name='commitments') if l_0_commitments is missing else l_0_commitments):
        pass
        yield '\n<p class="timeline"><a href="'
        yield escape((undefined(name='commitments') if l_0_commitments is missing else l_0_commitments))
        yield '">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cm_heading'))
        yield '</a> <span class="muted">'
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_open_commitments'), 'format'), count=(undefined(name='open_commitments') if l_0_open_commitments is missing else l_0_open_commitments)))
        yield '</span></p>'
    if (undefined(name='meetings') if l_0_meetings is missing else l_0_meetings):
        pass
        yield '\n<h2>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_meetings'))
        yield '</h2>\n<div class="scroll"><table>\n<thead><tr><th>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_meeting'))
        yield '</th><th>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'fo_agenda'))
        yield '</th><th>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'fo_verslag'))
        yield '</th><th>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'fo_verdict'))
        yield '</th><th class="n">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_open_heading'))
        yield '</th></tr></thead>\n<tbody>'
        for l_1_m in (undefined(name='meetings') if l_0_meetings is missing else l_0_meetings):
            _loop_vars = {}
            pass
            yield '\n<tr><td>'
            yield escape(environment.getattr(l_1_m, 'meeting'))
            yield '</td><td class="date"><a href="letters/'
            yield escape(environment.getattr(environment.getattr(l_1_m, 'row'), 'agenda'))
            yield '/letter.md">'
            yield escape(environment.getattr(l_1_m, 'agenda_date'))
            yield '</a></td><td class="date"><a href="letters/'
            yield escape(environment.getattr(environment.getattr(l_1_m, 'row'), 'verslag'))
            yield '/letter.md">'
            yield escape(environment.getattr(l_1_m, 'verslag_date'))
            yield '</a></td>\n<td><a href="outcomes/'
            yield escape(environment.getattr(environment.getattr(l_1_m, 'row'), 'outcome'))
            yield '.html">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_outcome'))
            yield '</a><br>'
            for l_2_v in environment.getattr(l_1_m, 'verdicts'):
                _loop_vars = {}
                pass
                yield '<span class="badge v-'
                yield escape(environment.getattr(l_2_v, 'key'))
                yield '">'
                yield escape(environment.getattr(l_2_v, 'count'))
                yield ' '
                yield escape(environment.getattr(l_2_v, 'label'))
                yield '</span>'
            l_2_v = missing
            yield '</td>\n<td class="n">'
            if environment.getattr(environment.getattr(l_1_m, 'row'), 'open_commitments'):
                pass
                yield '<a href="'
                yield escape((undefined(name='commitments') if l_0_commitments is missing else l_0_commitments))
                yield '#open">'
                yield escape(environment.getattr(environment.getattr(l_1_m, 'row'), 'open_commitments'))
                yield '</a>'
            else:
                pass
                yield '0'
            yield '</td></tr>'
        l_1_m = missing
        yield '\n</tbody>\n</table></div>\n<h2>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_letters'))
        yield '</h2>'
    yield '\n<div class="scroll"><table>\n<thead><tr><th>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_letter'))
    yield '</th><th>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_meeting'))
    yield '</th><th>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_report'))
    yield '</th><th class="n">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_counts'))
    yield '</th><th class="n">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'positions'))
    yield '</th><th>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_share'))
    yield '</th></tr></thead>\n<tbody>'
    for l_1_row in (undefined(name='rows') if l_0_rows is missing else l_0_rows):
        _loop_vars = {}
        pass
        yield '\n<tr><td class="date"><a href="'
        yield escape(environment.getattr(environment.getattr(l_1_row, 'letter'), 'original'))
        yield '">'
        yield escape(environment.getattr(l_1_row, 'date'))
        yield '</a>'
        if environment.getattr(l_1_row, 'verslag'):
            pass
            yield ' <span class="kind">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'fo_verslag'))
            yield '</span>'
        yield '<br><a class="muted" href="letters/'
        yield escape(environment.getattr(environment.getattr(l_1_row, 'letter'), 'name'))
        yield '/letter.md">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_text'))
        yield '</a></td>\n<td>'
        yield escape(environment.getattr(l_1_row, 'meeting'))
        yield '</td>'
        if environment.getattr(l_1_row, 'report'):
            pass
            yield '\n<td><a href="reports/'
            yield escape(environment.getattr(environment.getattr(l_1_row, 'report'), 'name'))
            yield '.html">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_comparison'))
            yield '</a> <a class="muted" href="reports/'
            yield escape(environment.getattr(environment.getattr(l_1_row, 'report'), 'name'))
            yield '.json">json</a></td>\n<td class="n">'
            yield escape(environment.getattr(environment.getattr(l_1_row, 'report'), 'changed'))
            yield ' / '
            yield escape(environment.getattr(environment.getattr(l_1_row, 'report'), 'added'))
            yield ' / '
            yield escape(environment.getattr(environment.getattr(l_1_row, 'report'), 'removed'))
            yield '</td>\n<td class="n">'
            if environment.getattr(environment.getattr(l_1_row, 'report'), 'positions'):
                pass
                yield '<span class="pos">'
                yield escape(environment.getattr(environment.getattr(l_1_row, 'report'), 'positions'))
                yield '</span>'
            else:
                pass
                yield '0'
            yield '</td>\n<td><span class="heat" title="'
            yield escape(t_1(t_3((environment.getattr(environment.getattr(l_1_row, 'report'), 'share') * 100))))
            yield '%"><i style="width: '
            yield escape(t_1(t_3((environment.getattr(environment.getattr(l_1_row, 'report'), 'share') * 100))))
            yield '%"></i></span></td>'
        else:
            pass
            yield '\n<td class="muted">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'index_first'))
            yield '</td><td></td><td></td><td></td>'
        yield '</tr>'
    l_1_row = missing
    yield '\n</tbody>\n</table></div>\n</main>\n</body>\n</html>\n'

blocks = {}
debug_info = '3=38&8=40&36=44&37=48&38=50&39=53&41=59&42=62&44=68&45=71&47=73&49=83&50=87&51=97&52=113&56=126&59=129&61=141&62=145&63=159&64=161&65=164&66=170&67=176&68=185&70=192'
