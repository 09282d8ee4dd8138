# Compiled from templates/compare.html.j2 by `python -m agendadiff.render.precompiled`; do not edit.
SOURCE_SHA256 = '98850cde1845ed7255a9496db8dbe37f7227a18364a70baf8fa42f048b3f1c03'
JINJA2 = '3.1.6'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'compare.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_lang = resolve('lang')
    l_0_script_hash = resolve('script_hash')
    l_0_version = resolve('version')
    l_0_heading = resolve('heading')
    l_0_t = resolve('t')
    l_0_letters = resolve('letters')
    l_0_topics = resolve('topics')
    l_0_counts = resolve('counts')
    l_0_flag_counts = resolve('flag_counts')
    l_0_position_count = resolve('position_count')
    l_0_positions = resolve('positions')
    l_0_rows = resolve('rows')
    l_0_made = resolve('made')
    l_0_script = resolve('script')
    l_0_chunks = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['lower']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'lower' found.")
    try:
        t_3 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_4 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    try:
        t_5 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    def macro(l_1_items, l_1_sbs):
        t_6 = []
        if l_1_items is missing:
            l_1_items = undefined("parameter 'items' was not provided", name='items')
        if l_1_sbs is missing:
            l_1_sbs = False
        pass
        for l_2_c in l_1_items:
            l_2_tag = resolve('tag')
            _loop_vars = {}
            pass
            if (environment.getattr(l_2_c, 'op') == 'equal'):
                pass
                t_6.append(
                    escape(environment.getattr(l_2_c, 'text')),
                )
            else:
                pass
                l_2_tag = ('del' if (environment.getattr(l_2_c, 'op') == 'delete') else 'ins')
                _loop_vars['tag'] = l_2_tag
                t_6.extend((
                    '<',
                    escape((undefined(name='tag') if l_2_tag is missing else l_2_tag)),
                    ' class="chg',
                ))
                if (not t_5(environment.getattr(l_2_c, 'move'))):
                    pass
                    t_6.append(
                        ' moved',
                    )
                if environment.getattr(l_2_c, 'kind'):
                    pass
                    t_6.extend((
                        ' k-',
                        escape(environment.getattr(l_2_c, 'kind')),
                    ))
                t_6.append(
                    '"',
                )
                if environment.getattr(l_2_c, 'anchor'):
                    pass
                    if l_1_sbs:
                        pass
                        t_6.extend((
                            ' data-c="',
                            escape(environment.getattr(l_2_c, 'anchor')),
                            '"',
                        ))
                    else:
                        pass
                        t_6.extend((
                            ' id="',
                            escape(environment.getattr(l_2_c, 'anchor')),
                            '"',
                        ))
                    t_6.append(
                        ' tabindex="-1"',
                    )
                if (((not t_5(environment.getattr(l_2_c, 'move'))) and (not l_1_sbs)) and environment.getattr(l_2_c, 'anchor')):
                    pass
                    t_6.extend((
                        ' data-move="move-',
                        escape(environment.getattr(l_2_c, 'move')),
                        '-',
                        escape(('from' if (environment.getattr(l_2_c, 'op') == 'delete') else 'to')),
                        '"',
                    ))
                t_6.append(
                    '>',
                )
                if (not t_5(environment.getattr(l_2_c, 'move'))):
                    pass
                    t_6.extend((
                        '<a class="mv" href="#move-',
                        escape(environment.getattr(l_2_c, 'move')),
                        '-',
                        escape(('to' if (environment.getattr(l_2_c, 'op') == 'delete') else 'from')),
                        '" title="',
                        escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'moved_text')),
                        ' ',
                        escape(environment.getattr(l_2_c, 'move')),
                        '">',
                        escape(('→' if (environment.getattr(l_2_c, 'op') == 'delete') else '←')),
                        escape(environment.getattr(l_2_c, 'move')),
                        '</a>',
                    ))
                    if ((not l_1_sbs) and environment.getattr(l_2_c, 'anchor')):
                        pass
                        t_6.extend((
                            '<span id="move-',
                            escape(environment.getattr(l_2_c, 'move')),
                            '-',
                            escape(('from' if (environment.getattr(l_2_c, 'op') == 'delete') else 'to')),
                            '"></span>',
                        ))
                    t_6.append(
                        ' ',
                    )
                t_6.extend((
                    escape(environment.getattr(l_2_c, 'text')),
                    '</',
                    escape((undefined(name='tag') if l_2_tag is missing else l_2_tag)),
                    '>',
                ))
        l_2_c = l_2_tag = missing
        return concat(t_6)
    context.exported_vars.add('chunks')
    context.vars['chunks'] = l_0_chunks = Macro(environment, macro, 'chunks', ('items', 'sbs'), False, False, False, context.eval_ctx.autoescape)
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; script-src \'sha256-'
    yield escape((undefined(name='script_hash') if l_0_script_hash is missing else l_0_script_hash))
    yield '\'; img-src data:; base-uri \'none\'; form-action \'none\'">\n<meta name="generator" content="agendadiff '
    yield escape((undefined(name='version') if l_0_version is missing else l_0_version))
    yield '">\n<title>'
    yield escape((undefined(name='heading') if l_0_heading is missing else l_0_heading))
    yield '</title>\n<style>\n:root {\n  color-scheme: light dark;\n  --ink: #1d232b; --muted: #56606d; --paper: #fdfdfb; --card: #f2f3ef; --line: #d9dcd6;\n  --del: #fbe0dd; --del-ink: #8c1d13; --ins: #dcf2e0; --ins-ink: #14532d; --mov: #e3e7fb; --mov-ink: #25327a;\n  --pos: #b45309; --pos-bg: #fff4e0; --accent: #154273; --bar: #9aa5b1;\n}\n@media (prefers-color-scheme: dark) {\n  :root {\n    --ink: #e6e8ea; --muted: #a2abb6; --paper: #16191d; --card: #1f2329; --line: #343a42;\n    --del: #4a1f1c; --del-ink: #ffb4ab; --ins: #193a24; --ins-ink: #a6e3b4; --mov: #252c52; --mov-ink: #c3cbff;\n    --pos: #f6ad55; --pos-bg: #3a2a12; --accent: #8fb8e8; --bar: #6b7683;\n  }\n}\n* { box-sizing: border-box; }\nhtml { scroll-padding-top: 4.5rem; }\nbody { margin: 0; background: var(--paper); color: var(--ink); overflow-wrap: anywhere;\n  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }\nsection.pair, .chg { scroll-margin-top: 4.5rem; }\n/* A letter\'s text never turns the report\'s own words around (bidi controls stay inside it). */\nbdi, .text, .cell, .sentence { unicode-bidi: isolate; }\n/* Insertions and deletions say what they are to a screen reader, not only by colour. */\ndel.chg::before, ins.chg::before, del.chg::after, ins.chg::after {\n  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }\ndel.chg::before { content: '
    yield escape(t_4(context.eval_ctx, environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'sr_del')))
    yield '; } ins.chg::before { content: '
    yield escape(t_4(context.eval_ctx, environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'sr_ins')))
    yield '; }\ndel.chg::after, ins.chg::after { content: '
    yield escape(t_4(context.eval_ctx, environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'sr_end')))
    yield '; }\nmain { max-width: 64rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }\nh1 { font-size: 1.5rem; margin: 0 0 1rem; line-height: 1.3; }\nh2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }\nh3 { font-size: 1.1rem; margin: 0; line-height: 1.35; }\na { color: var(--accent); }\n.letters { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; margin-bottom: 1rem; }\n.letter { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; }\n.letter b { display: block; font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }\n.letter .date { font-size: 1.1rem; font-weight: 600; }\n.letter .src { font-size: .85rem; color: var(--muted); word-break: break-all; }\n.counts { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0 0 1rem; padding: 0; list-style: none; }\n.counts li { background: var(--card); border: 1px solid var(--line); border-radius: 999px; padding: .15rem .75rem; font-size: .9rem; }\n.counts strong { font-variant-numeric: tabular-nums; }\n.counts li.pos { border-color: var(--pos); }\n.counts li.total, .counts li.besides { background: none; border: none; padding-left: 0; padding-right: 0; }\n.positions { background: var(--pos-bg); border: 1px solid var(--pos); border-radius: 8px; padding: .25rem 1.25rem 1rem; margin: 0 0 1.5rem; }\n.positions h2 { margin-top: .75rem; }\n.positions .intro { color: var(--muted); font-size: .88rem; margin: 0 0 .75rem; }\n.positions ol { margin: 0; padding-left: 1.25rem; }\n.positions .groups > li { margin: 0 0 .6rem; }\n.positions .topic { font-weight: 600; }\n.positions .cues { margin: .1rem 0 0; }\n.positions details > summary { font-size: .85rem; }\n.positions .changes { list-style: none; padding: 0; margin: .25rem 0 .5rem; }\n.positions .changes li { margin: 0 0 .5rem; }\n.positions a.go { font-size: .85rem; }\n.cues { font-size: .85rem; color: var(--muted); }\n.sentence { margin: .15rem 0 0; }\n.toolbar { position: sticky; top: 0; z-index: 2; background: var(--paper); border-bottom: 1px solid var(--line);\n  display: flex; flex-wrap: wrap; gap: .4rem 1.1rem; align-items: center; padding: .45rem 0; margin: 0 0 1rem; font-size: .92rem; }\n.toolbar label { cursor: pointer; white-space: nowrap; }\n.toolbar button, .toolbar select { font: inherit; background: var(--card); color: var(--ink); border: 1px solid var(--line); border-radius: 6px; padding: .1rem .5rem; cursor: pointer; }\n.toolbar .counter { margin-left: auto; color: var(--muted); font-variant-numeric: tabular-nums; }\ntable.toc { width: 100%; border-collapse: collapse; font-size: .92rem; margin-bottom: 1rem; }\n.toc tr.part td { background: var(--card); font-weight: 600; }\n.toc th, .toc td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }\n.toc th { font-size: .8rem; color: var(--muted); font-weight: 600; }\n.toc td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }\n.toc .was { display: block; color: var(--muted); font-size: .85rem; }\n.bar { display: inline-block; width: 5rem; height: .55rem; background: var(--card); border: 1px solid var(--line); border-radius: 3px; vertical-align: middle; margin-left: .4rem; overflow: hidden; }\n.bar i { display: block; height: 100%; background: var(--bar); }\n.badge { display: inline-block; font-size: .75rem; font-weight: 600; border-radius: 4px; padding: 0 .4rem; white-space: nowrap; border: 1px solid currentColor; }\n.badge.changed { color: #9a5b00; } .badge.added { color: var(--ins-ink); } .badge.removed { color: var(--del-ink); }\n.badge.unchanged { color: var(--muted); } .badge.flag { color: var(--mov-ink); }\n.badge.position { color: var(--pos); } .badge.factual { color: var(--accent); } .badge.wording { color: var(--muted); }\n@media (prefers-color-scheme: dark) { .badge.changed { color: #f3c26b; } }\n.legend { font-size: .88rem; color: var(--muted); margin: 0 0 1.5rem; }\nsection.pair { border-top: 1px solid var(--line); padding: 1rem 0 .5rem; outline: none; }\nsection.pair:focus-visible, section.pair:focus { box-shadow: -6px 0 0 var(--accent); }\nsection.pair header { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }\nsection.pair.part { border-top: 3px solid var(--ink); margin-top: 1.5rem; }\nsection.pair.part h3 { font-size: 1.3rem; }\nh4 { font-size: 1.05rem; margin: 0; line-height: 1.35; }\n.meta { color: var(--muted); font-size: .88rem; margin: .25rem 0 .5rem; }\n.text { white-space: pre-wrap; overflow-wrap: anywhere; max-width: 44rem; }\n.view-sbs { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.25rem; }\n.view-sbs .head { font-size: .8rem; color: var(--muted); text-transform: uppercase; letter-spacing: .05em;\n  position: sticky; top: 2.6rem; background: var(--paper); z-index: 1; }  /* under the sticky toolbar */\n.view-sbs .cell { white-space: pre-wrap; overflow-wrap: anywhere; padding: .1rem 0 .25rem; }\n.view-sbs .cell.para { border-top: 1px dashed var(--line); padding-top: .4rem; margin-top: .2rem; }\ndel, ins { text-decoration-thickness: 1px; border-radius: 2px; padding: 0 1px; }\ndel { background: var(--del); color: var(--del-ink); text-decoration: line-through; }\nins { background: var(--ins); color: var(--ins-ink); text-decoration: underline; text-underline-offset: 2px; }\ndel + ins { margin-left: .2em; }  /* a replaced passage and its replacement read apart */\n/* Moved text: where it went from is struck through, where it arrived doubly underlined, both on the same blue. */\ndel.moved, ins.moved { background: var(--mov); color: var(--mov-ink); }\nins.moved { text-decoration: underline double; }\n/* A change that changes a position: a calm bar under it, line by line, not a box around every word. */\n.k-position { border-bottom: 3px solid var(--pos); -webkit-box-decoration-break: clone; box-decoration-break: clone; }\n.chg:focus { outline: 3px solid var(--accent); outline-offset: 2px; }\na.mv { font-size: .8em; font-weight: 600; text-decoration: none; }\n.whole { border-left: 3px solid var(--line); padding-left: .75rem; }\n.whole.added { border-color: var(--ins-ink); }\n.whole.removed { border-color: var(--del-ink); color: var(--muted); }\n.whole.added ins:not(.moved), .whole.removed del:not(.moved) { background: none; color: inherit; text-decoration: none; }\n.sentences { font-size: .9rem; margin: .75rem 0 0; padding: 0; list-style: none; max-width: 44rem; }\n.sentences li { border-left: 3px solid var(--line); padding: .1rem 0 .1rem .6rem; margin: 0 0 .4rem; }\n.sentences li.position { border-color: var(--pos); }\n.sentences a.cues { text-decoration: none; } .sentences a.cues:hover { text-decoration: underline; }\n.notes { font-size: .9rem; margin: .5rem 0 0; padding-left: 1.2rem; }\ndetails > summary { cursor: pointer; color: var(--muted); }\ndialog { border: 1px solid var(--line); border-radius: 8px; background: var(--paper); color: var(--ink); max-width: 24rem; }\ndialog kbd { display: inline-block; min-width: 1.6em; text-align: center; border: 1px solid var(--line); border-radius: 4px; background: var(--card); font: 600 .9rem ui-monospace, monospace; margin-right: .5rem; }\ndialog ul { list-style: none; padding: 0; }\nfooter { color: var(--muted); font-size: .8rem; margin-top: 3rem; }\nbody:has(#opt-sbs:checked) .view-inline { display: none; }\nbody:not(:has(#opt-sbs:checked)) .view-sbs { display: none; }\nbody:has(#opt-changed:checked) .pair.unchanged, body:has(#opt-changed:checked) tr.unchanged { display: none; }'
    for l_1_kind in ('position', 'factual', 'wording', 'moved'):
        _loop_vars = {}
        pass
        yield '\nbody[data-kind="'
        yield escape(l_1_kind)
        yield '"] .pair:not(.has-'
        yield escape(l_1_kind)
        yield '), body[data-kind="'
        yield escape(l_1_kind)
        yield '"] tbody tr:not(.has-'
        yield escape(l_1_kind)
        yield ') { display: none; }'
    l_1_kind = missing
    yield '\n@media (max-width: 40rem) {\n  h1 { font-size: 1.25rem; }\n  .letters { grid-template-columns: 1fr; gap: .4rem; }\n  .letter { padding: .4rem .75rem; font-size: .9rem; line-height: 1.45; }\n  .letter .date { font-size: 1rem; }\n  .toolbar { font-size: .85rem; gap: .3rem .8rem; }\n  /* a phone reads the inline view: two columns of every sentence do not fit */\n  .wide-only, .view-sbs { display: none !important; }\n  body:has(#opt-sbs:checked) .view-inline { display: block; }\n  .toc .bar, .toc th.n, .toc td.n { display: none; }\n  table.toc { table-layout: fixed; }\n  .toc th:first-child, .toc td:first-child { width: 6.5rem; }\n  .toc th:nth-child(3), .toc td:nth-child(3) { width: 4.5rem; }\n}\n@media print {\n  .toolbar, dialog, a.go { display: none; }\n  details { display: block; } details > summary { display: none; }\n  details::details-content { content-visibility: visible; display: block; }\n  a { color: inherit; text-decoration: none; }\n  .positions .cues, .positions a.topic { break-after: avoid; }\n  .toc tr { break-inside: avoid; }\n  section.pair header { break-after: avoid; }\n}\n</style>\n</head>\n<body>\n<main>\n<h1>'
    yield escape((undefined(name='heading') if l_0_heading is missing else l_0_heading))
    yield '</h1>\n<div class="letters">'
    for l_1_letter in (undefined(name='letters') if l_0_letters is missing else l_0_letters):
        _loop_vars = {}
        pass
        yield '\n<div class="letter"><b>'
        yield escape(environment.getattr(l_1_letter, 'label'))
        yield '</b><span class="date">'
        yield escape(environment.getattr(l_1_letter, 'date'))
        yield '</span>'
        if environment.getattr(l_1_letter, 'meeting'):
            pass
            yield '<br>'
            yield escape(environment.getattr(l_1_letter, 'meeting'))
        yield '\n<div class="src">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'source'))
        yield ': '
        if environment.getattr(l_1_letter, 'href'):
            pass
            yield '<a href="'
            yield escape(environment.getattr(l_1_letter, 'href'))
            yield '">'
            yield escape(environment.getattr(l_1_letter, 'source'))
            yield '</a>'
        else:
            pass
            yield escape(environment.getattr(l_1_letter, 'source'))
        if environment.getattr(l_1_letter, 'kamerstuk'):
            pass
            yield ' · '
            if environment.getattr(l_1_letter, 'kamerstuk_href'):
                pass
                yield '<a href="'
                yield escape(environment.getattr(l_1_letter, 'kamerstuk_href'))
                yield '">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'kamerstuk'))
                yield ' '
                yield escape(environment.getattr(l_1_letter, 'kamerstuk'))
                yield '</a>'
            else:
                pass
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'kamerstuk'))
                yield ' '
                yield escape(environment.getattr(l_1_letter, 'kamerstuk'))
        yield '</div></div>'
    l_1_letter = missing
    yield '\n</div>\n<ul class="counts" aria-label="'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'topics'))
    yield '">\n<li class="total"><strong>'
    yield escape((undefined(name='topics') if l_0_topics is missing else l_0_topics))
    yield '</strong> '
    yield escape(t_2(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'topics_counted')))
    yield ':</li>'
    for (l_1_label, l_1_number, l_1_key) in (undefined(name='counts') if l_0_counts is missing else l_0_counts):
        _loop_vars = {}
        pass
        yield '<li class="'
        yield escape(l_1_key)
        yield '"><strong>'
        yield escape(l_1_number)
        yield '</strong> '
        yield escape(l_1_label)
        yield '</li>'
    l_1_label = l_1_number = l_1_key = missing
    if (undefined(name='flag_counts') if l_0_flag_counts is missing else l_0_flag_counts):
        pass
        yield '<li class="besides">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'of_which'))
        yield '</li>'
        for (l_1_label, l_1_number, l_1_key) in (undefined(name='flag_counts') if l_0_flag_counts is missing else l_0_flag_counts):
            _loop_vars = {}
            pass
            yield '<li class="'
            yield escape(l_1_key)
            yield '"><strong>'
            yield escape(l_1_number)
            yield '</strong> '
            yield escape(l_1_label)
            yield '</li>'
        l_1_label = l_1_number = l_1_key = missing
    yield '\n<li class="pos"><strong>'
    yield escape((undefined(name='position_count') if l_0_position_count is missing else l_0_position_count))
    yield '</strong> '
    yield escape(t_2(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'position_changes')))
    yield '</li>\n</ul>\n<section class="positions" id="positions" aria-labelledby="positions-head">\n<h2 id="positions-head">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'position_changes'))
    yield '</h2>\n<p class="intro">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'position_changes_intro'))
    yield '</p>'
    if (undefined(name='positions') if l_0_positions is missing else l_0_positions):
        pass
        yield '\n<ol class="groups">'
        for l_1_g in (undefined(name='positions') if l_0_positions is missing else l_0_positions):
            _loop_vars = {}
            pass
            yield '\n<li><a class="topic" href="#'
            yield escape(environment.getattr(l_1_g, 'topic_anchor'))
            yield '"><bdi lang="nl">'
            yield escape(environment.getattr(l_1_g, 'topic'))
            yield '</bdi></a>\n<span class="badge '
            yield escape(environment.getattr(l_1_g, 'status'))
            yield '">'
            yield escape(environment.getattr(l_1_g, 'status_label'))
            yield '</span>\n<span class="badge position">'
            yield escape(environment.getattr(l_1_g, 'count'))
            yield ' '
            yield escape((environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'position_one') if (environment.getattr(l_1_g, 'count') == 1) else environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'position_many')))
            yield '</span>\n<div class="cues">'
            yield escape(t_1(context.eval_ctx, environment.getattr(l_1_g, 'reasons'), '; '))
            yield '</div>\n<details'
            if environment.getattr(l_1_g, 'open'):
                pass
                yield ' open'
            yield '><summary>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'the_sentences'))
            yield ' ('
            yield escape(environment.getattr(l_1_g, 'count'))
            yield ')</summary>\n<ul class="changes">'
            for l_2_p in environment.getattr(l_1_g, 'changes'):
                _loop_vars = {}
                pass
                yield '\n<li id="'
                yield escape(environment.getattr(l_2_p, 'id'))
                yield '"><span class="badge '
                yield escape(environment.getattr(l_2_p, 'status'))
                yield '">'
                yield escape(environment.getattr(l_2_p, 'status_label'))
                yield '</span> <a class="go" href="#'
                yield escape(environment.getattr(l_2_p, 'target'))
                yield '">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'go_to_place'))
                yield '</a>\n<div class="sentence" lang="nl">'
                yield escape(context.call((undefined(name='chunks') if l_0_chunks is missing else l_0_chunks), environment.getattr(l_2_p, 'diff'), _loop_vars=_loop_vars))
                yield '</div></li>'
            l_2_p = missing
            yield '\n</ul></details></li>'
        l_1_g = missing
        yield '\n</ol>'
    else:
        pass
        yield '\n<p>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'position_changes_none'))
        yield '</p>'
    yield '\n</section>\n<h2 id="topics-head">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'topics'))
    yield '</h2>\n<div class="toolbar" role="group" aria-label="'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'view_options'))
    yield '">\n<label class="wide-only"><input type="checkbox" id="opt-sbs"> '
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'view_sbs'))
    yield '</label>\n<label><input type="checkbox" id="opt-changed"> '
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'only_changed'))
    yield '</label>\n<label>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'show_kind'))
    yield ' <select id="opt-kind">\n<option value="">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'kind_all'))
    yield '</option><option value="position">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'kind_position'))
    yield '</option>\n<option value="factual">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'kind_factual'))
    yield '</option><option value="wording">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'kind_wording'))
    yield '</option>\n<option value="moved">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'moved'))
    yield '</option></select></label>\n<span id="counter" class="counter" aria-live="polite" data-of="'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'change_of'))
    yield '" data-total="'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'changes_total'))
    yield '"></span>\n<label class="keys-switch"><input type="checkbox" id="opt-keys" checked> '
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'shortcuts'))
    yield '</label>\n<button type="button" id="show-keys" title="?">? </button>\n</div>\n<table class="toc">\n<thead><tr><th>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'status'))
    yield '</th><th>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'topic'))
    yield '</th><th>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'positions'))
    yield '</th><th class="n">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'words_changed'))
    yield '</th></tr></thead>\n<tbody>'
    for l_1_row in (undefined(name='rows') if l_0_rows is missing else l_0_rows):
        _loop_vars = {}
        pass
        yield '\n<tr class="'
        yield escape(environment.getattr(l_1_row, 'status'))
        yield escape(environment.getattr(l_1_row, 'has'))
        if environment.getattr(l_1_row, 'part'):
            pass
            yield ' part'
        yield '"><td><span class="badge '
        yield escape(environment.getattr(l_1_row, 'status'))
        yield '">'
        yield escape(environment.getattr(l_1_row, 'status_label'))
        yield '</span></td>\n<td><a href="#'
        yield escape(environment.getattr(l_1_row, 'anchor'))
        yield '"><bdi lang="nl">'
        yield escape(environment.getattr(l_1_row, 'title'))
        yield '</bdi></a>'
        for (l_2_flag, l_2_label) in environment.getattr(l_1_row, 'flags'):
            _loop_vars = {}
            pass
            yield ' <span class="badge flag">'
            yield escape(l_2_label)
            yield '</span>'
        l_2_flag = l_2_label = missing
        if environment.getattr(l_1_row, 'was'):
            pass
            yield '<span class="was">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'was'))
            yield ': <bdi lang="nl">'
            yield escape(environment.getattr(l_1_row, 'was'))
            yield '</bdi></span>'
        yield '</td>\n<td>'
        if environment.getattr(l_1_row, 'positions'):
            pass
            yield '<span class="badge position">'
            yield escape(environment.getattr(l_1_row, 'positions'))
            yield '</span>'
        yield '</td>\n<td class="n">'
        yield escape(environment.getattr(l_1_row, 'counts'))
        yield '<span class="bar" title="'
        yield escape(environment.getattr(l_1_row, 'share'))
        yield '%"><i style="width: '
        yield escape(environment.getattr(l_1_row, 'share'))
        yield '%"></i></span></td></tr>'
    l_1_row = missing
    yield '\n</tbody>\n</table>\n<p class="legend"><del>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'mark_del'))
    yield '</del> '
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'means_del'))
    yield ' · <ins>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'mark_ins'))
    yield '</ins> '
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'means_ins'))
    yield ' ·\n<del class="moved">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'mark_moved'))
    yield '</del> <ins class="moved">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'mark_moved_to'))
    yield '</ins> '
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'means_moved'))
    yield ' · <ins class="k-position">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'mark_position'))
    yield '</ins> '
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'means_position'))
    yield '</p>'
    for l_1_row in (undefined(name='rows') if l_0_rows is missing else l_0_rows):
        l_1_whole = missing
        _loop_vars = {}
        pass
        yield '\n<section class="pair '
        yield escape(environment.getattr(l_1_row, 'status'))
        yield escape(environment.getattr(l_1_row, 'has'))
        if environment.getattr(l_1_row, 'part'):
            pass
            yield ' part'
        yield '" id="'
        yield escape(environment.getattr(l_1_row, 'anchor'))
        yield '" tabindex="-1">\n<header><h'
        yield escape(environment.getattr(l_1_row, 'level'))
        yield ' lang="nl"><bdi>'
        yield escape(environment.getattr(l_1_row, 'title'))
        yield '</bdi></h'
        yield escape(environment.getattr(l_1_row, 'level'))
        yield '> <span class="badge '
        yield escape(environment.getattr(l_1_row, 'status'))
        yield '">'
        yield escape(environment.getattr(l_1_row, 'status_label'))
        yield '</span>'
        for (l_2_flag, l_2_label) in environment.getattr(l_1_row, 'flags'):
            _loop_vars = {}
            pass
            yield ' <span class="badge flag">'
            yield escape(l_2_label)
            yield '</span>'
        l_2_flag = l_2_label = missing
        if environment.getattr(l_1_row, 'positions'):
            pass
            yield ' <span class="badge position">'
            yield escape(environment.getattr(l_1_row, 'positions'))
            yield ' '
            yield escape((environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'position_one') if (environment.getattr(l_1_row, 'positions') == 1) else environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'position_many')))
            yield '</span>'
        yield '</header>\n<div class="meta">'
        yield escape(environment.getattr(l_1_row, 'kind'))
        if environment.getattr(l_1_row, 'was'):
            pass
            yield ' · '
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'was'))
            yield ': '
            yield escape(environment.getattr(l_1_row, 'was'))
        if environment.getattr(l_1_row, 'relation'):
            pass
            yield ' · '
            yield escape(environment.getattr(l_1_row, 'relation'))
        if environment.getattr(l_1_row, 'reasons'):
            pass
            yield ' · '
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'paired_by'))
            yield ' '
            yield escape(environment.getattr(l_1_row, 'reasons'))
        yield '</div>'
        if environment.getattr(l_1_row, 'title_diff'):
            pass
            yield '<div class="meta">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'title_change'))
            yield ': '
            yield escape(context.call((undefined(name='chunks') if l_0_chunks is missing else l_0_chunks), environment.getattr(l_1_row, 'title_diff'), _loop_vars=_loop_vars))
            yield '</div>'
        if environment.getattr(l_1_row, 'decision_diff'):
            pass
            yield '<div class="meta">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'decision_change'))
            yield ': '
            yield escape(context.call((undefined(name='chunks') if l_0_chunks is missing else l_0_chunks), environment.getattr(l_1_row, 'decision_diff'), _loop_vars=_loop_vars))
            yield '</div>'
        l_1_whole = (markup_join(('whole ', environment.getattr(l_1_row, 'status'), )) if (environment.getattr(l_1_row, 'status') in ('added', 'removed')) else '')
        _loop_vars['whole'] = l_1_whole
        if ((environment.getattr(l_1_row, 'status') in ('unchanged', 'removed')) and environment.getattr(l_1_row, 'words')):
            pass
            yield '\n<details><summary>'
            yield escape((environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'unchanged_text') if (environment.getattr(l_1_row, 'status') == 'unchanged') else environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'dropped_text')))
            yield ' ('
            yield escape(environment.getattr(l_1_row, 'words'))
            yield ' '
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'words'))
            yield ')</summary>'
        yield '\n<div class="view-inline text '
        yield escape((undefined(name='whole') if l_1_whole is missing else l_1_whole))
        yield '" lang="nl">'
        yield escape(context.call((undefined(name='chunks') if l_0_chunks is missing else l_0_chunks), environment.getattr(l_1_row, 'body'), _loop_vars=_loop_vars))
        yield '</div>\n<div class="view-sbs '
        yield escape((undefined(name='whole') if l_1_whole is missing else l_1_whole))
        yield '" lang="nl"><div class="head" lang="'
        yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
        yield '">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'side_old'))
        yield '</div><div class="head" lang="'
        yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
        yield '">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'side_new'))
        yield '</div>'
        for l_2_r in environment.getattr(l_1_row, 'sbs'):
            _loop_vars = {}
            pass
            yield '<div class="cell'
            if environment.getattr(l_2_r, 'para'):
                pass
                yield ' para'
            yield '">'
            yield escape(context.call((undefined(name='chunks') if l_0_chunks is missing else l_0_chunks), environment.getattr(l_2_r, 'old'), True, _loop_vars=_loop_vars))
            yield '</div><div class="cell'
            if environment.getattr(l_2_r, 'para'):
                pass
                yield ' para'
            yield '">'
            yield escape(context.call((undefined(name='chunks') if l_0_chunks is missing else l_0_chunks), environment.getattr(l_2_r, 'new'), True, _loop_vars=_loop_vars))
            yield '</div>'
        l_2_r = missing
        yield '</div>'
        if ((environment.getattr(l_1_row, 'status') in ('unchanged', 'removed')) and environment.getattr(l_1_row, 'words')):
            pass
            yield '</details>'
        for l_2_inner in environment.getattr(l_1_row, 'edited_moves'):
            _loop_vars = {}
            pass
            yield '<div class="meta">'
            yield escape(environment.getattr(l_2_inner, 'label'))
            yield ' '
            yield escape(context.call((undefined(name='chunks') if l_0_chunks is missing else l_0_chunks), environment.getattr(l_2_inner, 'diff'), _loop_vars=_loop_vars))
            yield '</div>'
        l_2_inner = missing
        if environment.getattr(l_1_row, 'sentences'):
            pass
            yield '\n<ul class="sentences" aria-label="'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'sentences'))
            yield '">'
            for l_2_s in environment.getattr(l_1_row, 'sentences'):
                _loop_vars = {}
                pass
                yield '<li class="'
                yield escape(environment.getattr(l_2_s, 'kind'))
                yield '"><span class="badge '
                yield escape(environment.getattr(l_2_s, 'kind'))
                yield '">'
                yield escape(environment.getattr(l_2_s, 'kind_label'))
                yield '</span> <a class="cues" href="#'
                yield escape(environment.getattr(l_2_s, 'target'))
                yield '">'
                yield escape(environment.getattr(l_2_s, 'status_label'))
                if environment.getattr(l_2_s, 'cues'):
                    pass
                    yield ': '
                    yield escape(t_1(context.eval_ctx, environment.getattr(l_2_s, 'cues'), '; '))
                yield '</a></li>'
            l_2_s = missing
            yield '\n</ul>'
        if environment.getattr(l_1_row, 'notes'):
            pass
            yield '<ul class="notes">'
            for l_2_note in environment.getattr(l_1_row, 'notes'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(environment.getattr(l_2_note, 'head'))
                yield ': '
                yield escape(context.call((undefined(name='chunks') if l_0_chunks is missing else l_0_chunks), environment.getattr(l_2_note, 'diff'), _loop_vars=_loop_vars))
                yield '</li>'
            l_2_note = missing
            yield '</ul>'
        yield '\n</section>'
    l_1_row = l_1_whole = missing
    yield '\n<footer>'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'made_by'), 'format'), version=(undefined(name='version') if l_0_version is missing else l_0_version)))
    if (undefined(name='made') if l_0_made is missing else l_0_made):
        pass
        yield ' · '
        yield escape((undefined(name='made') if l_0_made is missing else l_0_made))
    yield '</footer>\n</main>\n<dialog id="keys" aria-labelledby="keys-head">\n<h2 id="keys-head">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'shortcuts'))
    yield '</h2>\n<ul>\n<li><kbd>n</kbd>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'key_n'))
    yield '</li><li><kbd>p</kbd>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'key_p'))
    yield '</li>\n<li><kbd>j</kbd>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'key_j'))
    yield '</li><li><kbd>k</kbd>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'key_k'))
    yield '</li><li><kbd>?</kbd>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'key_help'))
    yield '</li>\n</ul>\n<p>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'keys_off'))
    yield '</p>\n<button type="button" id="close-keys">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'close'))
    yield '</button>\n</dialog>\n<script>'
    yield escape(t_3((undefined(name='script') if l_0_script is missing else l_0_script)))
    yield '</script>\n</body>\n</html>\n'

blocks = {}
debug_info = '3=56&4=63&5=67&7=74&8=78&9=95&10=114&11=126&12=130&13=155&18=165&22=167&23=169&24=171&49=173&50=177&139=179&140=183&169=193&171=195&172=199&173=203&174=208&175=220&178=240&179=242&180=246&181=257&182=274&185=278&186=280&187=282&189=285&190=289&191=293&192=297&193=301&194=303&196=311&197=315&198=325&204=334&207=337&208=339&209=341&210=343&211=345&212=347&213=351&214=355&215=357&216=361&220=363&222=371&223=375&224=385&225=404&226=410&230=418&231=426&232=436&233=441&234=449&235=459&236=466&237=474&238=492&239=499&240=506&241=508&242=511&244=518&245=522&246=532&247=550&248=553&249=562&250=565&251=567&254=587&257=603&260=609&262=611&263=615&265=621&266=623&268=625'
